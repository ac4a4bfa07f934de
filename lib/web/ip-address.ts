import "server-only";
import { isIPv4, isIPv6 } from "node:net";

/** Dotted-quad IPv4 as an unsigned 32-bit number, or null for anything else. */
export function parseIPv4(text: string): number | null {
  if (!isIPv4(text)) return null;
  return text.split(".").reduce((value, part) => value * 256 + Number(part), 0);
}

/** IPv6 (any textual form, embedded dotted quad included) as a 128-bit bigint, or null. */
export function parseIPv6(text: string): bigint | null {
  if (!isIPv6(text)) return null;
  let groups = text;
  // A trailing dotted quad stands for the last two 16-bit groups.
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(groups);
  if (quad) {
    const v4 = parseIPv4(quad[1]!);
    if (v4 === null) return null;
    groups = `${groups.slice(0, quad.index)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const [head = "", tail] = groups.split("::");
  const headParts = head === "" ? [] : head.split(":");
  const tailParts = tail === undefined || tail === "" ? [] : tail.split(":");
  const missing = 8 - headParts.length - tailParts.length;
  const parts = tail === undefined ? headParts : [...headParts, ...Array<string>(missing).fill("0"), ...tailParts];
  if (parts.length !== 8) return null;
  return parts.reduce((value, part) => (value << 16n) | BigInt(parseInt(part, 16)), 0n);
}
