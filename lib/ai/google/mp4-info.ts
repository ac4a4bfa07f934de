import "server-only";

/**
 * Reads what a GeneratedVideo reports (size, duration) from the MP4 itself,
 * so the numbers are those of the file Google rendered, whatever was asked for.
 * Walks ISO-BMFF boxes: moov/mvhd for the duration, the first track with a
 * picture size (tkhd) for width and height; Veo's audio track has none.
 */
export type Mp4Info = { width: number; height: number; durationSeconds: number };

type Box = { type: string; start: number; end: number };

function* boxes(bytes: Buffer, start: number, end: number): Generator<Box> {
  let offset = start;
  while (offset + 8 <= end) {
    let size = bytes.readUInt32BE(offset);
    const type = bytes.toString("latin1", offset + 4, offset + 8);
    let header = 8;
    if (size === 1) {
      if (offset + 16 > end) return;
      size = Number(bytes.readBigUInt64BE(offset + 8));
      header = 16;
    } else if (size === 0) {
      size = end - offset;
    }
    if (size < header || offset + size > end) return;
    yield { type, start: offset + header, end: offset + size };
    offset += size;
  }
}

const child = (bytes: Buffer, parent: Box | { start: number; end: number }, type: string) => [...boxes(bytes, parent.start, parent.end)].find((box) => box.type === type);

function durationSeconds(bytes: Buffer, mvhd: Box): number | undefined {
  const version = bytes.readUInt8(mvhd.start);
  const timescale = bytes.readUInt32BE(mvhd.start + (version === 1 ? 20 : 12));
  const duration = version === 1 ? Number(bytes.readBigUInt64BE(mvhd.start + 24)) : bytes.readUInt32BE(mvhd.start + 16);
  return timescale > 0 ? duration / timescale : undefined;
}

export function readMp4Info(bytes: Buffer): Mp4Info | undefined {
  try {
    const moov = child(bytes, { start: 0, end: bytes.length }, "moov");
    const mvhd = moov && child(bytes, moov, "mvhd");
    if (!moov || !mvhd) return undefined;
    const seconds = durationSeconds(bytes, mvhd);
    for (const trak of boxes(bytes, moov.start, moov.end)) {
      if (trak.type !== "trak") continue;
      const tkhd = child(bytes, trak, "tkhd");
      // width and height are the last two 16.16 fixed-point fields of tkhd, whatever its version.
      if (!tkhd || tkhd.end - tkhd.start < 84) continue;
      const width = bytes.readUInt32BE(tkhd.end - 8) >>> 16;
      const height = bytes.readUInt32BE(tkhd.end - 4) >>> 16;
      if (width > 0 && height > 0 && seconds) return { width, height, durationSeconds: Math.round(seconds * 100) / 100 };
    }
    return undefined;
  } catch {
    return undefined; // a truncated box reads past the end: not a usable file
  }
}
