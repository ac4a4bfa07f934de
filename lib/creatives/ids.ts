import { createHash } from "node:crypto";

/**
 * A UUID that is a pure function of its parts. A job step that crashes after
 * writing its asset and is run again produces the same id, so the insert is a
 * no-op instead of a duplicate in the library.
 */
export function stableUuid(...parts: string[]): string {
  const hex = createHash("sha256").update(parts.join("\u0000")).digest("hex");
  // Version 5 / RFC 4122 variant bits, so it is a well-formed UUID for uuid columns.
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A 31-bit seed from any string: same request and variant, same picture offline. */
export function seedFrom(...parts: string[]): number {
  return createHash("sha256").update(parts.join("\u0000")).digest().readUInt32BE(0) & 0x7fffffff;
}
