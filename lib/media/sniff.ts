import type { SniffedMedia } from "./types";

/**
 * Identifies an upload from its first bytes only. The file name and the browser's
 * Content-Type are whatever the client says; the magic numbers are what the bytes are.
 */
export function sniffMediaType(bytes: Buffer): SniffedMedia | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mimeType: "image/png", kind: "image" };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { mimeType: "image/jpeg", kind: "image" };
  if (ascii(bytes, 0, 6) === "GIF87a" || ascii(bytes, 0, 6) === "GIF89a") return { mimeType: "image/gif", kind: "image" };
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") return { mimeType: "image/webp", kind: "image" };
  return sniffIsoMedia(bytes);
}

// ISO base media brands (ftyp major or compatible) that mean an MP4 video we can use.
// Audio-only (M4A), 3GPP and HEIF image brands are deliberately absent.
const MP4_BRANDS = new Set([
  "isom", "iso2", "iso3", "iso4", "iso5", "iso6", "iso7", "iso8", "iso9",
  "mp41", "mp42", "mp71", "avc1", "M4V ", "M4VH", "M4VP", "dash", "MSNV", "XAVC", "mmp4",
]);
// Major brands of ISO files that are not videos, even when they list mp42/isom as compatible.
const NOT_VIDEO_BRANDS = new Set(["M4A ", "M4B ", "M4P ", "heic", "heix", "mif1", "msf1", "avif", "avis", "crx "]);
// QuickTime files from older cameras start straight with one of these atoms, no ftyp.
const QUICKTIME_LEAD_ATOMS = new Set(["moov", "wide", "pnot"]);

function sniffIsoMedia(bytes: Buffer): SniffedMedia | null {
  if (bytes.length < 12) return null;
  const size = bytes.readUInt32BE(0);
  const type = ascii(bytes, 4, 8);
  if (type === "ftyp") {
    if (size < 16 || size > 4096 || size > bytes.length) return null;
    const major = ascii(bytes, 8, 12);
    if (NOT_VIDEO_BRANDS.has(major)) return null;
    if (major === "qt  ") return { mimeType: "video/quicktime", kind: "video" };
    const brands = [major];
    for (let offset = 16; offset + 4 <= size; offset += 4) brands.push(ascii(bytes, offset, offset + 4));
    if (brands.some((brand) => MP4_BRANDS.has(brand))) return { mimeType: "video/mp4", kind: "video" };
    if (brands.includes("qt  ")) return { mimeType: "video/quicktime", kind: "video" };
    return null;
  }
  if (QUICKTIME_LEAD_ATOMS.has(type) && size >= 8) return { mimeType: "video/quicktime", kind: "video" };
  return null;
}

function startsWith(bytes: Buffer, signature: number[]): boolean {
  return bytes.length >= signature.length && signature.every((byte, index) => bytes[index] === byte);
}

function ascii(bytes: Buffer, start: number, end: number): string {
  return bytes.length >= end ? bytes.toString("latin1", start, end) : "";
}
