import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { sniffMediaType } from "./sniff";

const dir = mkdtempSync(path.join(tmpdir(), "adpilot-sniff-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes bytes under a misleading name and reads them back, as an upload would arrive. */
function uploaded(name: string, bytes: Buffer): Buffer {
  writeFileSync(path.join(dir, name), bytes);
  return readFileSync(path.join(dir, name));
}

const ftyp = (major: string, ...compatible: string[]) => {
  const brands = [major, ...compatible];
  const box = Buffer.alloc(16 + 4 * compatible.length);
  box.writeUInt32BE(box.length, 0);
  box.write("ftyp", 4, "latin1");
  box.write(major, 8, "latin1");
  brands.slice(1).forEach((brand, index) => box.write(brand, 16 + index * 4, "latin1"));
  return Buffer.concat([box, Buffer.alloc(64)]);
};

describe("sniffMediaType", () => {
  it("knows a PNG by its bytes even when it is named .jpg", async () => {
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: "#f00" } }).png().toBuffer();
    expect(sniffMediaType(uploaded("photo.jpg", png))).toEqual({ mimeType: "image/png", kind: "image" });
  });

  it("recognises JPEG, WebP and GIF", async () => {
    const base = sharp({ create: { width: 4, height: 4, channels: 3, background: "#0f0" } });
    expect(sniffMediaType(await base.clone().jpeg().toBuffer())?.mimeType).toBe("image/jpeg");
    expect(sniffMediaType(await base.clone().webp().toBuffer())?.mimeType).toBe("image/webp");
    expect(sniffMediaType(await base.clone().gif().toBuffer())?.mimeType).toBe("image/gif");
  });

  it("recognises MP4 and QuickTime by their ftyp brands", () => {
    expect(sniffMediaType(ftyp("isom", "iso2", "avc1", "mp41"))).toEqual({ mimeType: "video/mp4", kind: "video" });
    expect(sniffMediaType(ftyp("mp42", "mp42", "isom"))).toEqual({ mimeType: "video/mp4", kind: "video" });
    expect(sniffMediaType(ftyp("qt  ", "qt  "))).toEqual({ mimeType: "video/quicktime", kind: "video" });
  });

  it("rejects ISO media that is not a usable video (audio-only M4A, HEIC stills)", () => {
    expect(sniffMediaType(ftyp("M4A ", "M4A ", "mp42", "isom"))).toBeNull();
    expect(sniffMediaType(ftyp("heic", "mif1", "heic"))).toBeNull();
  });

  it("rejects a text file named .png and an HTML page", () => {
    expect(sniffMediaType(uploaded("logo.png", Buffer.from("just some notes, not an image\n")))).toBeNull();
    expect(sniffMediaType(uploaded("ad.jpg", Buffer.from("<!doctype html><html><body><img src=x></body></html>")))).toBeNull();
    expect(sniffMediaType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
  });

  it("rejects empty and too-short input", () => {
    expect(sniffMediaType(Buffer.alloc(0))).toBeNull();
    expect(sniffMediaType(Buffer.from([0x89, 0x50]))).toBeNull();
  });
});
