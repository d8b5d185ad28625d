package io.cleanwire.fetcher.http;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Decides whether the fetcher may connect to an address: only public unicast addresses, unless
 * private addresses are explicitly allowed (SSRF protection).
 */
public final class AddressPolicy {

  private AddressPolicy() {}

  /**
   * Why an address must not be fetched from, or empty when it is a public unicast address.
   * IPv4-mapped and IPv4-compatible IPv6 addresses are judged by the IPv4 address they carry.
   */
  public static Optional<String> refusalReason(InetAddress address) {
    InetAddress effective = embeddedIpv4(address).orElse(address);
    if (effective.isAnyLocalAddress()) {
      return Optional.of("unspecified address");
    }
    if (effective.isLoopbackAddress()) {
      return Optional.of("loopback address");
    }
    if (effective.isLinkLocalAddress()) {
      return Optional.of("link-local address");
    }
    if (effective.isSiteLocalAddress()) {
      return Optional.of("private (site-local) address");
    }
    if (effective.isMulticastAddress()) {
      return Optional.of("multicast address");
    }
    byte[] b = effective.getAddress();
    if (effective instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      if (first == 0) {
        return Optional.of("'this network' address (0.0.0.0/8)");
      }
      if (first == 100 && (second & 0xc0) == 64) {
        return Optional.of("carrier-grade NAT address (100.64.0.0/10)");
      }
      if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
        return Optional.of("IETF protocol address (192.0.0.0/24)");
      }
      if (first == 198 && (second & 0xfe) == 18) {
        return Optional.of("benchmarking address (198.18.0.0/15)");
      }
      if (first >= 240) {
        return Optional.of("reserved or broadcast address (240.0.0.0/4)");
      }
    } else {
      int first = b[0] & 0xff;
      if ((first & 0xfe) == 0xfc) {
        return Optional.of("unique local IPv6 address (fc00::/7)");
      }
      if (first == 0xfe && (b[1] & 0xc0) == 0xc0) {
        return Optional.of("site-local IPv6 address (fec0::/10)");
      }
    }
    return Optional.empty();
  }

  /** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d) or -compatible (::a.b.c.d) one. */
  static Optional<InetAddress> embeddedIpv4(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return Optional.empty();
    }
    byte[] b = address.getAddress();
    boolean zeroPrefix = Arrays.equals(Arrays.copyOfRange(b, 0, 10), new byte[10]);
    boolean mapped = zeroPrefix && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    boolean compatible = zeroPrefix && b[10] == 0 && b[11] == 0;
    if (!mapped && !compatible) {
      return Optional.empty();
    }
    byte[] v4 = Arrays.copyOfRange(b, 12, 16);
    if (compatible && Arrays.equals(v4, new byte[4])) {
      return Optional.empty(); // :: and ::1 are IPv6's own unspecified and loopback addresses
    }
    if (compatible && Arrays.equals(v4, new byte[] {0, 0, 0, 1})) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByAddress(v4));
    } catch (UnknownHostException e) {
      throw new IllegalStateException("4 bytes are always an IPv4 address", e);
    }
  }
}
