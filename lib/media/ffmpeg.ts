import "server-only";
import { spawn } from "node:child_process";
import { constants } from "node:fs";
import { access, chmod, copyFile, mkdir, rename, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * The static ffmpeg 4.1 shipped by @ffmpeg-installer. npm may skip the package's
 * chmod step (and some deploy targets mount node_modules read-only without the
 * exec bit), so an unexecutable binary is copied once into the temp directory.
 */

let binary: Promise<string> | undefined;

export function ffmpegPath(): Promise<string> {
  binary ??= locateBinary().catch((error: unknown) => {
    binary = undefined; // let a later call try again rather than caching the failure
    throw error;
  });
  return binary;
}

async function locateBinary(): Promise<string> {
  let installed: string;
  try {
    // Imported lazily: the package throws a bare string at import time on an unsupported platform.
    installed = (await import("@ffmpeg-installer/ffmpeg")).default.path;
  } catch (error) {
    throw new Error(`ffmpeg binary not found: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (await isExecutable(installed)) return installed;

  const { size } = await stat(installed);
  const dir = path.join(tmpdir(), "adpilot-ffmpeg");
  const copy = path.join(dir, `ffmpeg-${size}`);
  if (await isExecutable(copy)) return copy;
  await mkdir(dir, { recursive: true });
  // Copy under a unique name and rename, so two processes racing never run a half-written file.
  const partial = `${copy}.${process.pid}.${Date.now()}`;
  await copyFile(installed, partial);
  await chmod(partial, 0o755);
  await rename(partial, copy);
  return copy;
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export type FfmpegOptions = { timeoutMs?: number; cwd?: string };

/** Stderr lines kept for the error message: ffmpeg prints the real cause last. */
const STDERR_TAIL = 4_000;

/**
 * Runs ffmpeg without a shell (arguments are never interpreted) and resolves with
 * stdout; a non-zero exit or the timeout rejects with the tail of stderr.
 */
export async function runFfmpeg(args: string[], options: FfmpegOptions = {}): Promise<Buffer> {
  const executable = await ffmpegPath();
  const timeoutMs = options.timeoutMs ?? 60_000;
  return new Promise<Buffer>((resolve, reject) => {
    // The binary is listed in next.config's outputFileTracingIncludes; tracing this call would pull in the whole project.
    const child = spawn(/*turbopackIgnore: true*/ executable, ["-hide_banner", "-nostdin", ...args], {
      cwd: options.cwd,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const stdout: Buffer[] = [];
    let stderr = "";
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);

    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString("utf8")).slice(-STDERR_TAIL);
    });
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(new Error(`ffmpeg could not start: ${error.message}`));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (timedOut) reject(new Error(`ffmpeg timed out after ${timeoutMs / 1000} s\n${stderr.trim()}`));
      else if (code === 0) resolve(Buffer.concat(stdout));
      else reject(new Error(`ffmpeg failed (${signal ?? `exit ${code}`})\n${stderr.trim()}`));
    });
  });
}
