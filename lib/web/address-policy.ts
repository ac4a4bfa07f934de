import "server-only";
import { parseIPv4, parseIPv6 } from "./ip-address";

/**
 * Which addresses AdPilot may fetch on a user's behalf. A user-supplied URL must
 * never reach the machine itself, the VPC around it or the cloud metadata service,
 * so everything that is not plainly public internet is refused.
 */

type Range<T> = readonly [start: T, prefix: number];

const BLOCKED_IPV4: ReadonlyArray<Range<string>> = [
  ["0.0.0.0", 8], // "this network", 0.0.0.0 included
  ["10.0.0.0", 8], // private
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8], // loopback
  ["169.254.0.0", 16], // link-local, 169.254.169.254 metadata included
  ["172.16.0.0", 12], // private
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.0.2.0", 24], // documentation
  ["192.88.99.0", 24], // 6to4 relay anycast
  ["192.168.0.0", 16], // private
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24], // documentation
  ["203.0.113.0", 24], // documentation
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, 255.255.255.255 broadcast included
];

// Only 2000::/3 is global unicast; inside it these are not reachable public hosts.
const BLOCKED_GLOBAL_IPV6: ReadonlyArray<Range<string>> = [
  ["2001::", 32], // Teredo: tunnels to an arbitrary IPv4 address
  ["2001:2::", 48], // benchmarking
  ["2001:10::", 28], // ORCHID
  ["2001:20::", 28], // ORCHIDv2
  ["2001:db8::", 32], // documentation
];

const ipv4Ranges = BLOCKED_IPV4.map(([start, prefix]) => [parseIPv4(start)!, prefix] as const);
const ipv6Ranges = BLOCKED_GLOBAL_IPV6.map(([start, prefix]) => [parseIPv6(start)!, prefix] as const);

function inIPv4Range(value: number, [start, prefix]: Range<number>): boolean {
  const mask = prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0;
  return ((value & mask) >>> 0) === ((start & mask) >>> 0);
}

function inIPv6Range(value: bigint, [start, prefix]: Range<bigint>): boolean {
  const shift = BigInt(128 - prefix);
  return value >> shift === start >> shift;
}

function isPublicIPv4(value: number): boolean {
  return !ipv4Ranges.some((range) => inIPv4Range(value, range));
}

const NAT64 = parseIPv6("64:ff9b::")!;
const SIX_TO_FOUR = parseIPv6("2002::")!;
const GLOBAL_UNICAST = parseIPv6("2000::")!;

function isPublicIPv6(value: bigint): boolean {
  // NAT64 and 6to4 carry an IPv4 address inside; they are as public as that address.
  if (inIPv6Range(value, [NAT64, 96])) return isPublicIPv4(Number(value & 0xffffffffn));
  if (inIPv6Range(value, [SIX_TO_FOUR, 16])) return isPublicIPv4(Number((value >> 80n) & 0xffffffffn));
  // Everything else outside 2000::/3 (::1, ::, ::ffff:0:0/96 IPv4-mapped, fc00::/7, fe80::/10, ff00::/8, ...) is refused.
  if (!inIPv6Range(value, [GLOBAL_UNICAST, 3])) return false;
  return !ipv6Ranges.some((range) => inIPv6Range(value, range));
}

/** True only for an IP address on the public internet; false for anything unparsable. */
export function isPublicAddress(address: string): boolean {
  // A zone index ("fe80::1%eth0") only exists for link-local addresses.
  if (address.includes("%")) return false;
  const v4 = parseIPv4(address);
  if (v4 !== null) return isPublicIPv4(v4);
  const v6 = parseIPv6(address);
  if (v6 !== null) return isPublicIPv6(v6);
  return false;
}

const INTERNAL_NAMES = new Set(["localhost", "metadata", "metadata.google.internal", "metadata.goog", "instance-data", "instance-data.ec2.internal"]);
const INTERNAL_SUFFIXES = [".localhost", ".internal", ".local", ".localdomain", ".home.arpa", ".lan", ".intranet", ".corp"];

/**
 * Host names that name the machine or its private network whatever DNS says:
 * they are refused before any lookup. A name without a dot would be completed
 * with the resolver's search domains, so it is refused too.
 */
export function isInternalHostname(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, "");
  if (INTERNAL_NAMES.has(name)) return true;
  if (INTERNAL_SUFFIXES.some((suffix) => name.endsWith(suffix))) return true;
  return !name.includes(".");
}
