import type { H264Stream } from "./h264";

/**
 * An ISO-BMFF (MP4) muxer for one H.264 track, `moov` before `mdat` ("fast
 * start") like Veo's files, so players and parsers read it without seeking.
 */

const u8 = (value: number) => Buffer.from([value & 0xff]);
const u16 = (value: number) => {
  const out = Buffer.alloc(2);
  out.writeUInt16BE(value & 0xffff);
  return out;
};
const u32 = (value: number) => {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(value >>> 0);
  return out;
};
const ascii = (text: string) => Buffer.from(text, "latin1");

function box(type: string, ...payload: Uint8Array[]): Buffer {
  const body = Buffer.concat(payload);
  return Buffer.concat([u32(8 + body.length), ascii(type), body]);
}

function fullBox(type: string, version: number, flags: number, ...payload: Uint8Array[]): Buffer {
  return box(type, u8(version), u8(flags >> 16), u16(flags), ...payload);
}

/** The identity transform, as 16.16 / 2.30 fixed point. */
const MATRIX = Buffer.concat([0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000].map(u32));

const MOVIE_TIMESCALE = 1000;

export type Mp4Options = { width: number; height: number; fps: number };

function sampleEntry(stream: H264Stream, width: number, height: number): Buffer {
  const avcC = box(
    "avcC",
    u8(1), // configurationVersion
    u8(stream.profileIdc),
    u8(stream.sps[2] ?? 0), // profile_compatibility: the SPS constraint flags
    u8(stream.levelIdc),
    u8(0xff), // lengthSizeMinusOne = 3: 4-byte NAL lengths
    u8(0xe1), // one SPS
    u16(stream.sps.length),
    stream.sps,
    u8(1), // one PPS
    u16(stream.pps.length),
    stream.pps,
  );
  const compressorName = Buffer.alloc(32);
  return box(
    "avc1",
    Buffer.alloc(6), // reserved
    u16(1), // data_reference_index
    Buffer.alloc(16), // pre_defined, reserved
    u16(width),
    u16(height),
    u32(0x00480000), // 72 dpi
    u32(0x00480000),
    u32(0),
    u16(1), // frame_count
    compressorName,
    u16(0x0018), // depth
    u16(0xffff), // pre_defined = -1
    avcC,
  );
}

function movie(stream: H264Stream, options: Mp4Options, sampleSizes: number[], chunkOffset: number): Buffer {
  const { width, height, fps } = options;
  const mediaTimescale = fps * 512;
  const mediaDuration = sampleSizes.length * 512;
  const movieDuration = Math.round((sampleSizes.length / fps) * MOVIE_TIMESCALE);
  const stbl = box(
    "stbl",
    fullBox("stsd", 0, 0, u32(1), sampleEntry(stream, width, height)),
    fullBox("stts", 0, 0, u32(1), u32(sampleSizes.length), u32(512)),
    fullBox("stss", 0, 0, u32(1), u32(1)), // only the first sample is a sync (IDR) sample
    fullBox("stsc", 0, 0, u32(1), u32(1), u32(sampleSizes.length), u32(1)),
    fullBox("stsz", 0, 0, u32(0), u32(sampleSizes.length), ...sampleSizes.map(u32)),
    fullBox("stco", 0, 0, u32(1), u32(chunkOffset)),
  );
  const minf = box(
    "minf",
    fullBox("vmhd", 0, 1, u16(0), u16(0), u16(0), u16(0)),
    box("dinf", fullBox("dref", 0, 0, u32(1), fullBox("url ", 0, 1))),
    stbl,
  );
  const mdia = box(
    "mdia",
    fullBox("mdhd", 0, 0, u32(0), u32(0), u32(mediaTimescale), u32(mediaDuration), u16(0x55c4 /* "und" */), u16(0)),
    fullBox("hdlr", 0, 0, u32(0), ascii("vide"), Buffer.alloc(12), ascii("VideoHandler\0")),
    minf,
  );
  const tkhd = fullBox("tkhd", 0, 3, u32(0), u32(0), u32(1), u32(0), u32(movieDuration), Buffer.alloc(8), u16(0), u16(0), u16(0), u16(0), MATRIX, u32(width << 16), u32(height << 16));
  const mvhd = fullBox("mvhd", 0, 0, u32(0), u32(0), u32(MOVIE_TIMESCALE), u32(movieDuration), u32(0x00010000), u16(0x0100), Buffer.alloc(10), MATRIX, Buffer.alloc(24), u32(2));
  return box("moov", mvhd, box("trak", tkhd, mdia));
}

/** Muxes the stream's frames, one sample each, into a complete MP4 file. */
export function muxMp4(stream: H264Stream, options: Mp4Options): Buffer {
  // Samples are length-prefixed NAL units; SPS and PPS travel in avcC instead.
  const samples = stream.frames.map((frame) => Buffer.concat([u32(frame.length), frame]));
  const sizes = samples.map((sample) => sample.length);
  const ftyp = box("ftyp", ascii("isom"), u32(0x200), ascii("isom"), ascii("iso2"), ascii("avc1"), ascii("mp41"));
  // The moov's size does not depend on the offset it records, so measure it once.
  const moovSize = movie(stream, options, sizes, 0).length;
  const moov = movie(stream, options, sizes, ftyp.length + moovSize + 8);
  return Buffer.concat([ftyp, moov, box("mdat", ...samples)]);
}
