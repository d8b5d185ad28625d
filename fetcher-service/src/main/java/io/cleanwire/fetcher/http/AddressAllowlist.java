package io.cleanwire.fetcher.http;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Address ranges (CIDR) the operator explicitly allows although the address policy refuses them,
 * e.g. {@code 127.0.0.1/32} for local mode and tests.
 */
public final class AddressAllowlist {

  private final List<Range> ranges;

  private AddressAllowlist(List<Range> ranges) {
    this.ranges = List.copyOf(ranges);
  }

  /**
   * Parses entries such as {@code 127.0.0.1}, {@code 10.0.0.0/8} or {@code ::1/128}; only literal
   * addresses, never host names, so that the list cannot be widened through DNS.
   *
   * @throws IllegalArgumentException on an entry that is not a literal address or CIDR range
   */
  public static AddressAllowlist parse(List<String> entries) {
    List<Range> ranges = new ArrayList<>();
    for (String raw : entries) {
      String entry = raw.strip();
      if (entry.isEmpty()) {
        continue;
      }
      int slash = entry.indexOf('/');
      String addressPart = slash < 0 ? entry : entry.substring(0, slash);
      if (!addressPart.matches("[0-9a-fA-F:.]+") || !addressPart.matches(".*[.:].*")) {
        throw new IllegalArgumentException(
            "allowed address must be a literal IP or CIDR range, not a name: " + entry);
      }
      InetAddress address;
      try {
        address = InetAddress.getByName(addressPart);
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("not an IP address: " + entry, e);
      }
      int bits = address.getAddress().length * 8;
      int prefix = slash < 0 ? bits : Integer.parseInt(entry.substring(slash + 1).strip());
      if (prefix < 0 || prefix > bits) {
        throw new IllegalArgumentException("bad prefix length: " + entry);
      }
      ranges.add(new Range(address.getAddress(), prefix));
    }
    return new AddressAllowlist(ranges);
  }

  /** Whether the address lies in one of the allowed ranges (same address family only). */
  public boolean allows(InetAddress address) {
    byte[] bytes = address.getAddress();
    for (Range range : ranges) {
      if (range.network().length == bytes.length && range.contains(bytes)) {
        return true;
      }
    }
    return false;
  }

  private record Range(byte[] network, int prefix) {
    boolean contains(byte[] candidate) {
      int bits = network.length * 8;
      BigInteger mask =
          prefix == 0
              ? BigInteger.ZERO
              : BigInteger.ONE
                  .shiftLeft(bits)
                  .subtract(BigInteger.ONE)
                  .shiftRight(bits - prefix)
                  .shiftLeft(bits - prefix);
      return new BigInteger(1, network).and(mask).equals(new BigInteger(1, candidate).and(mask));
    }
  }
}
