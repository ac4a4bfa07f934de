import "server-only";
import { createFile, Log, MP4BoxBuffer, type Movie, type Track } from "mp4box";
import type { MediaProbe } from "./types";

/**
 * Reads an MP4/MOV's movie header with mp4box: the size the video displays at,
 * its duration and codec. Throws a readable Error for files we cannot use.
 */
export function readMp4Info(bytes: Buffer): Required<MediaProbe> {
  assertBoxesComplete(bytes);
  const movie = parseMovie(bytes);
  const track = movie.videoTracks[0];
  if (!track) throw new Error("This video file has no video track.");

  const { width, height } = displaySize(track);
  if (!(width > 0 && height > 0)) throw new Error("This video file does not say how large its picture is.");
  const durationSeconds = movieDuration(movie, track);
  if (!(durationSeconds > 0)) throw new Error("This video file has no playable duration.");
  return { width, height, durationSeconds: Math.round(durationSeconds * 1000) / 1000, videoCodec: track.codec };
}

function parseMovie(bytes: Buffer): Movie {
  const file = createFile();
  let movie: Movie | undefined;
  let failure: string | undefined;
  file.onReady = (info) => (movie = info);
  file.onError = (_module, message) => (failure ??= message);
  // mp4box writes every oddity to console.error (a MOV's "©swr" tag is "an invalid
  // box"). Parsing is synchronous, so its logger is borrowed for the duration and
  // the first message kept as the reason if the file turns out unusable.
  const logError = Log.error;
  Log.error = (module, message) => void (failure ??= message ?? module);
  try {
    const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    file.appendBuffer(MP4BoxBuffer.fromArrayBuffer(copy, 0), true);
    file.flush();
  } catch (error) {
    failure ??= error instanceof Error ? error.message : String(error);
  } finally {
    Log.error = logError;
  }
  if (movie) return movie;
  throw new Error(`This video file is corrupt or incomplete${failure ? ` (${failure})` : ""}.`);
}

/**
 * Every top-level box must end inside the file. mp4box happily parses a moov
 * whose mdat was cut off (a failed upload of a faststart file), which would
 * play for a second and then stop, so the box sizes are checked first.
 */
function assertBoxesComplete(bytes: Buffer): void {
  let offset = 0;
  let sawMovie = false;
  while (offset < bytes.length) {
    if (offset + 8 > bytes.length) throw new Error("This video file is truncated: it ends inside a box header.");
    let size = bytes.readUInt32BE(offset);
    const type = bytes.toString("latin1", offset + 4, offset + 8);
    if (size === 1) {
      if (offset + 16 > bytes.length) throw new Error("This video file is truncated: it ends inside a box header.");
      size = Number(bytes.readBigUInt64BE(offset + 8));
    } else if (size === 0) {
      size = bytes.length - offset; // "extends to the end of the file"
    }
    if (size < 8) throw new Error(`This video file is corrupt: box "${printable(type)}" has an impossible size.`);
    if (offset + size > bytes.length) {
      throw new Error(`This video file is truncated: its "${printable(type)}" box needs ${offset + size - bytes.length} more bytes.`);
    }
    if (type === "moov") sawMovie = true;
    offset += size;
  }
  if (!sawMovie) throw new Error("This video file is corrupt or incomplete: it has no movie header (moov).");
}

/** Phones record portrait video as landscape plus a 90° rotation in the track matrix. */
function displaySize(track: Track): { width: number; height: number } {
  const width = Math.round(track.video?.width ?? track.track_width);
  const height = Math.round(track.video?.height ?? track.track_height);
  const [a = 0, b = 0] = Array.from(track.matrix ?? []);
  const quarterTurn = a === 0 && b !== 0;
  return quarterTurn ? { width: height, height: width } : { width, height };
}

function movieDuration(movie: Movie, track: Track): number {
  if (movie.duration > 0 && movie.timescale > 0) return movie.duration / movie.timescale;
  if (movie.fragment_duration && movie.fragment_duration.den > 0) {
    return movie.fragment_duration.num / movie.fragment_duration.den;
  }
  return track.timescale > 0 ? track.samples_duration / track.timescale : 0;
}

function printable(type: string): string {
  return /^[\x20-\x7e]{4}$/.test(type) ? type : "?";
}
