import { spawn } from "node:child_process";
import { existsSync, openSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { onExit } from "../support/on-exit";

/** Where `npm run build` leaves the production build that `next start` serves. */
export function productionBuildExists(): boolean {
  return existsSync(path.resolve(".next", "BUILD_ID"));
}

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * `next start` of the existing production build in a process group of its own
 * (stopped however the bench ends), its output in `logFile`; resolves once
 * /api/health answers 200.
 */
export async function startNextServer(options: { port: number; env: Record<string, string>; logFile: string; nodeFlags?: string[] }): Promise<{ url: string; stop(): Promise<void> }> {
  const log = openSync(options.logFile, "a");
  const child = spawn(process.execPath, [...(options.nodeFlags ?? []), path.resolve("node_modules/next/dist/bin/next"), "start", "--hostname", "127.0.0.1", "--port", String(options.port)], {
    // eslint-disable-next-line no-restricted-properties -- the server inherits PATH and the like, then gets the bench's settings
    env: { ...process.env, ...options.env },
    detached: true,
    stdio: ["ignore", log, log],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let stopped = false;
  const stop = async () => {
    if (stopped || child.exitCode !== null) return;
    stopped = true;
    const group = -child.pid!;
    process.kill(group, "SIGTERM");
    const killer = setTimeout(() => process.kill(group, "SIGKILL"), 5_000);
    await exited;
    clearTimeout(killer);
  };
  onExit(stop);

  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}; see ${options.logFile}`);
    const healthy = await fetch(`${url}/api/health`).then((response) => response.ok, () => false);
    if (healthy) return { url, stop };
    if (Date.now() > deadline) throw new Error(`next start did not answer /api/health within 60 s; see ${options.logFile}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
