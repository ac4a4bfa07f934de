import { describe, expect, it } from "vitest";
import { isInternalHostname, isPublicAddress } from "./address-policy";

describe("isPublicAddress", () => {
  it.each([
    "127.0.0.1",
    "127.255.255.254",
    "10.0.0.5",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "0.1.2.3",
    "224.0.0.1",
    "255.255.255.255",
    "198.18.0.1",
    "::1",
    "::",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "::ffff:8.8.8.8",
    "fc00::1",
    "fd12:3456::1",
    "fe80::1",
    "fe80::1%eth0",
    "ff02::1",
    "64:ff9b::a00:5", // NAT64 of 10.0.0.5
    "2002:c0a8:101::1", // 6to4 of 192.168.1.1
    "2001:db8::1",
    "2001:0:4136:e378::1", // Teredo
    "not an address",
    "",
  ])("refuses %s", (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(["8.8.8.8", "93.184.216.34", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111", "2a00:1450:4001:80b::200e", "64:ff9b::808:808", "2002:808:808::1"])(
    "allows %s",
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );
});

describe("isInternalHostname", () => {
  it.each(["localhost", "LOCALHOST.", "api.localhost", "metadata.google.internal", "metadata", "printer.local", "intranet", "router.home.arpa"])(
    "refuses %s",
    (hostname) => {
      expect(isInternalHostname(hostname)).toBe(true);
    },
  );

  it.each(["example.com", "www.sweetcrumbs.co.uk", "shop.example."])("allows %s", (hostname) => {
    expect(isInternalHostname(hostname)).toBe(false);
  });
});
