package io.cleanwire.fetcher.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressPolicyTest {

  @ParameterizedTest(name = "{0} refused: {1}")
  @CsvSource({
    "127.0.0.1, loopback",
    "127.1.2.3, loopback",
    "2130706433, loopback", // 127.0.0.1 written as one decimal number
    "::1, loopback",
    "::ffff:127.0.0.1, loopback", // IPv4-mapped IPv6
    "::ffff:10.0.0.1, private",
    "0:0:0:0:0:ffff:c0a8:0101, private", // ::ffff:192.168.1.1 in hex
    "0.0.0.0, unspecified",
    "::, unspecified",
    "10.1.2.3, private",
    "172.16.0.1, private",
    "172.31.255.255, private",
    "192.168.0.10, private",
    "169.254.169.254, link-local", // cloud metadata endpoint
    "fe80::1, link-local",
    "fc00::1, unique local",
    "fd12:3456::1, unique local",
    "224.0.0.1, multicast",
    "ff02::1, multicast",
    "100.64.0.1, carrier-grade NAT",
    "255.255.255.255, reserved or broadcast",
    "198.18.0.1, benchmarking",
  })
  void refusesNonPublicAddresses(String address, String reason) throws Exception {
    assertThat(AddressPolicy.refusalReason(InetAddress.getByName(address)))
        .hasValueSatisfying(r -> assertThat(r).contains(reason));
  }

  @ParameterizedTest(name = "{0} allowed")
  @CsvSource({
    "93.184.215.14",
    "1.1.1.1",
    "172.32.0.1",
    "100.128.0.1",
    "2606:4700:4700::1111",
    "::ffff:8.8.8.8",
  })
  void allowsPublicAddresses(String address) throws Exception {
    assertThat(AddressPolicy.refusalReason(InetAddress.getByName(address))).isEmpty();
  }
}
