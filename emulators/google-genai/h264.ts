/**
 * A hand-written H.264 (Constrained Baseline) encoder, just capable enough to
 * give the emulator real, playable video offline: one IDR picture whose
 * macroblocks are all I_PCM (raw samples, no transform or entropy coding), then
 * P pictures that skip every macroblock, i.e. a still image held for the clip's
 * length. Dimensions that are not multiples of 16 are padded and cropped in the SPS.
 */

class BitWriter {
  private buffer = new Uint8Array(1024);
  private length = 0;
  private current = 0;
  private filled = 0;

  private push(byte: number): void {
    if (this.length === this.buffer.length) {
      const grown = new Uint8Array(this.buffer.length * 2);
      grown.set(this.buffer);
      this.buffer = grown;
    }
    this.buffer[this.length++] = byte;
  }

  bit(value: number): void {
    this.current = (this.current << 1) | (value & 1);
    if (++this.filled === 8) {
      this.push(this.current);
      this.current = 0;
      this.filled = 0;
    }
  }

  /** u(n): n ≤ 31 bits, most significant first */
  u(bits: number, value: number): void {
    for (let shift = bits - 1; shift >= 0; shift--) this.bit((value >>> shift) & 1);
  }

  /** ue(v): unsigned Exp-Golomb */
  ue(value: number): void {
    const coded = value + 1;
    const bits = 32 - Math.clz32(coded);
    this.u(bits - 1, 0);
    this.u(bits, coded);
  }

  /** se(v): signed Exp-Golomb */
  se(value: number): void {
    this.ue(value <= 0 ? -2 * value : 2 * value - 1);
  }

  alignWithZeros(): void {
    while (this.filled !== 0) this.bit(0);
  }

  /** raw bytes; only at a byte boundary (PCM samples are byte-aligned) */
  bytes(data: Uint8Array): void {
    if (this.filled !== 0) throw new Error("BitWriter.bytes() needs byte alignment");
    for (const byte of data) this.push(byte);
  }

  /** rbsp_trailing_bits(): a stop bit, then zeros to the byte boundary */
  finish(): Uint8Array {
    this.bit(1);
    this.alignWithZeros();
    return this.buffer.slice(0, this.length);
  }
}

/** Wraps an RBSP in a NAL unit, inserting emulation-prevention bytes (00 00 0x → 00 00 03 0x). */
function nalUnit(refIdc: number, type: number, rbsp: Uint8Array): Uint8Array {
  const out = new Uint8Array(1 + rbsp.length + Math.ceil(rbsp.length / 2) + 1);
  out[0] = (refIdc << 5) | type;
  let length = 1;
  let zeros = 0;
  for (const byte of rbsp) {
    if (zeros >= 2 && byte <= 3) {
      out[length++] = 3;
      zeros = 0;
    }
    out[length++] = byte;
    zeros = byte === 0 ? zeros + 1 : 0;
  }
  return out.slice(0, length);
}

/** A planar 4:2:0 picture at the padded (macroblock-aligned) size. */
export type YuvPicture = { width: number; height: number; y: Uint8Array; u: Uint8Array; v: Uint8Array };

export type H264Stream = {
  sps: Uint8Array;
  pps: Uint8Array;
  /** one NAL unit per frame, the IDR first */
  frames: Uint8Array[];
  profileIdc: number;
  levelIdc: number;
};

const PROFILE_BASELINE = 66;
const LOG2_MAX_FRAME_NUM = 4;

/** Converts packed RGB (3 bytes a pixel) to BT.601 limited-range 4:2:0, padded to whole macroblocks. */
export function rgbToYuv(rgb: Uint8Array, width: number, height: number): YuvPicture {
  const paddedWidth = Math.ceil(width / 16) * 16;
  const paddedHeight = Math.ceil(height / 16) * 16;
  const y = new Uint8Array(paddedWidth * paddedHeight);
  const u = new Uint8Array((paddedWidth / 2) * (paddedHeight / 2));
  const v = new Uint8Array(u.length);
  const sample = (px: number, py: number, channel: number) => rgb[(Math.min(py, height - 1) * width + Math.min(px, width - 1)) * 3 + channel] ?? 0;
  for (let py = 0; py < paddedHeight; py++) {
    for (let px = 0; px < paddedWidth; px++) {
      const r = sample(px, py, 0);
      const g = sample(px, py, 1);
      const b = sample(px, py, 2);
      y[py * paddedWidth + px] = Math.round(16 + (65.481 * r + 128.553 * g + 24.966 * b) / 255);
      if (px % 2 === 0 && py % 2 === 0) {
        const index = (py / 2) * (paddedWidth / 2) + px / 2;
        u[index] = Math.round(128 + (-37.797 * r - 74.203 * g + 112 * b) / 255);
        v[index] = Math.round(128 + (112 * r - 93.786 * g - 18.214 * b) / 255);
      }
    }
  }
  return { width: paddedWidth, height: paddedHeight, y, u, v };
}

function sequenceParameterSet(width: number, height: number, levelIdc: number): Uint8Array {
  const widthInMbs = Math.ceil(width / 16);
  const heightInMbs = Math.ceil(height / 16);
  const bits = new BitWriter();
  bits.u(8, PROFILE_BASELINE);
  bits.u(8, 0b11000000); // constraint_set0 and set1: Constrained Baseline, decodable by every profile
  bits.u(8, levelIdc);
  bits.ue(0); // seq_parameter_set_id
  bits.ue(LOG2_MAX_FRAME_NUM - 4);
  bits.ue(2); // pic_order_cnt_type 2: output order is decode order (no B frames)
  bits.ue(1); // max_num_ref_frames
  bits.u(1, 0); // gaps_in_frame_num_value_allowed_flag
  bits.ue(widthInMbs - 1);
  bits.ue(heightInMbs - 1);
  bits.u(1, 1); // frame_mbs_only_flag
  bits.u(1, 1); // direct_8x8_inference_flag
  const cropRight = widthInMbs * 16 - width;
  const cropBottom = heightInMbs * 16 - height;
  bits.u(1, cropRight || cropBottom ? 1 : 0);
  if (cropRight || cropBottom) {
    // Crop offsets count chroma-sample pairs (CropUnit 2 in 4:2:0 frames).
    bits.ue(0);
    bits.ue(cropRight / 2);
    bits.ue(0);
    bits.ue(cropBottom / 2);
  }
  bits.u(1, 0); // vui_parameters_present_flag: timing lives in the MP4
  return nalUnit(3, 7, bits.finish());
}

function pictureParameterSet(): Uint8Array {
  const bits = new BitWriter();
  bits.ue(0); // pic_parameter_set_id
  bits.ue(0); // seq_parameter_set_id
  bits.u(1, 0); // entropy_coding_mode_flag: CAVLC
  bits.u(1, 0); // bottom_field_pic_order_in_frame_present_flag
  bits.ue(0); // num_slice_groups_minus1
  bits.ue(0); // num_ref_idx_l0_default_active_minus1
  bits.ue(0); // num_ref_idx_l1_default_active_minus1
  bits.u(1, 0); // weighted_pred_flag
  bits.u(2, 0); // weighted_bipred_idc
  bits.se(0); // pic_init_qp_minus26
  bits.se(0); // pic_init_qs_minus26
  bits.se(0); // chroma_qp_index_offset
  bits.u(1, 1); // deblocking_filter_control_present_flag
  bits.u(1, 0); // constrained_intra_pred_flag
  bits.u(1, 0); // redundant_pic_cnt_present_flag
  return nalUnit(3, 8, bits.finish());
}

function idrSlice(picture: YuvPicture): Uint8Array {
  const bits = new BitWriter();
  bits.ue(0); // first_mb_in_slice
  bits.ue(7); // slice_type: I (every slice of the picture)
  bits.ue(0); // pic_parameter_set_id
  bits.u(LOG2_MAX_FRAME_NUM, 0); // frame_num
  bits.ue(0); // idr_pic_id
  bits.u(1, 0); // no_output_of_prior_pics_flag
  bits.u(1, 0); // long_term_reference_flag
  bits.se(0); // slice_qp_delta
  bits.ue(1); // disable_deblocking_filter_idc: PCM needs no filtering
  const chromaWidth = picture.width / 2;
  const block = new Uint8Array(384);
  for (let mbY = 0; mbY < picture.height / 16; mbY++) {
    for (let mbX = 0; mbX < picture.width / 16; mbX++) {
      bits.ue(25); // mb_type I_PCM
      bits.alignWithZeros(); // pcm_alignment_zero_bit
      for (let row = 0; row < 16; row++) block.set(picture.y.subarray((mbY * 16 + row) * picture.width + mbX * 16, (mbY * 16 + row) * picture.width + mbX * 16 + 16), row * 16);
      for (let row = 0; row < 8; row++) {
        const start = (mbY * 8 + row) * chromaWidth + mbX * 8;
        block.set(picture.u.subarray(start, start + 8), 256 + row * 8);
        block.set(picture.v.subarray(start, start + 8), 320 + row * 8);
      }
      bits.bytes(block);
    }
  }
  return nalUnit(3, 5, bits.finish());
}

function skippedSlice(frameNum: number, macroblocks: number): Uint8Array {
  const bits = new BitWriter();
  bits.ue(0); // first_mb_in_slice
  bits.ue(5); // slice_type: P (every slice of the picture)
  bits.ue(0); // pic_parameter_set_id
  bits.u(LOG2_MAX_FRAME_NUM, frameNum % (1 << LOG2_MAX_FRAME_NUM));
  bits.u(1, 0); // num_ref_idx_active_override_flag
  bits.u(1, 0); // ref_pic_list_modification_flag_l0
  bits.u(1, 0); // adaptive_ref_pic_marking_mode_flag (sliding window)
  bits.se(0); // slice_qp_delta
  bits.ue(1); // disable_deblocking_filter_idc
  bits.ue(macroblocks); // mb_skip_run: the whole picture repeats the reference
  return nalUnit(2, 1, bits.finish());
}

/** Level by frame size in macroblocks (Table A-1): 3.1 up to 720p, 4.0 up to 1080p, else 5.1. */
function levelFor(macroblocks: number): number {
  if (macroblocks <= 3600) return 31;
  if (macroblocks <= 8192) return 40;
  return 51;
}

/** A still picture held for `frameCount` frames. `rgb` is packed RGB at width × height. */
export function encodeStill(rgb: Uint8Array, width: number, height: number, frameCount: number): H264Stream {
  if (width % 2 || height % 2) throw new Error("H.264 4:2:0 needs even dimensions");
  const picture = rgbToYuv(rgb, width, height);
  const macroblocks = (picture.width / 16) * (picture.height / 16);
  const levelIdc = levelFor(macroblocks);
  const frames = [idrSlice(picture)];
  for (let frame = 1; frame < frameCount; frame++) frames.push(skippedSlice(frame, macroblocks));
  return { sps: sequenceParameterSet(width, height, levelIdc), pps: pictureParameterSet(), frames, profileIdc: PROFILE_BASELINE, levelIdc };
}
