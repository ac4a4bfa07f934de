import { constants } from "node:fs";
import { access } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { ffmpegPath, runFfmpeg } from "./ffmpeg";

describe("bundled ffmpeg", () => {
  it("resolves to an executable binary", async () => {
    await expect(access(await ffmpegPath(), constants.X_OK)).resolves.toBeUndefined();
    expect((await runFfmpeg(["-version"])).toString()).toMatch(/^ffmpeg version/);
  });

  it("rejects with ffmpeg's own words when it fails", async () => {
    await expect(runFfmpeg(["-i", "/nonexistent/input.mp4", "-f", "null", "-"])).rejects.toThrow(/ffmpeg failed[\s\S]*No such file/);
  });

  it("kills a run that takes longer than its timeout", async () => {
    const endless = ["-f", "lavfi", "-i", "testsrc=size=320x240:rate=30", "-f", "null", "-"];
    await expect(runFfmpeg(endless, { timeoutMs: 500 })).rejects.toThrow(/timed out after 0.5 s/);
  });
});
