package io.cleanwire.fetcher.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * The HTTP client's DNS hook: resolves a host and keeps only the addresses the policy allows, so
 * the check applies to the very address the socket then connects to, on every hop and retry (no
 * window for DNS rebinding between a check and the connection).
 */
final class GuardedDnsResolver implements DnsResolver {

  private final boolean allowAll;
  private final AddressAllowlist allowlist;

  GuardedDnsResolver(boolean allowAll, AddressAllowlist allowlist) {
    this.allowAll = allowAll;
    this.allowlist = allowlist;
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    InetAddress[] all = SystemDefaultDnsResolver.INSTANCE.resolve(host);
    if (allowAll) {
      return all;
    }
    List<InetAddress> allowed = new ArrayList<>();
    String firstRefusal = null;
    for (InetAddress address : all) {
      Optional<String> reason = refusal(address);
      if (reason.isEmpty()) {
        allowed.add(address);
      } else if (firstRefusal == null) {
        firstRefusal = address.getHostAddress() + ": " + reason.get();
      }
    }
    if (allowed.isEmpty()) {
      throw new RefusedAddressException(
          "refused "
              + host
              + " ("
              + firstRefusal
              + "); allow it with cleanwire.fetcher.allowed-addresses");
    }
    return allowed.toArray(InetAddress[]::new);
  }

  @Override
  public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
    List<InetSocketAddress> result = new ArrayList<>();
    for (InetAddress address : resolve(host)) {
      result.add(new InetSocketAddress(address, port));
    }
    return result;
  }

  @Override
  public String resolveCanonicalHostname(String host) throws UnknownHostException {
    return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
  }

  /** Why the address is refused, or empty when it may be connected to. */
  Optional<String> refusal(InetAddress address) {
    InetAddress effective = AddressPolicy.embeddedIpv4(address).orElse(address);
    if (allowAll || allowlist.allows(address) || allowlist.allows(effective)) {
      return Optional.empty();
    }
    return AddressPolicy.refusalReason(address);
  }

  /** The host resolved only to addresses the policy refuses. */
  static final class RefusedAddressException extends UnknownHostException {
    RefusedAddressException(String message) {
      super(message);
    }
  }
}
