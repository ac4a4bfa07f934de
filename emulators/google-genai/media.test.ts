/**
 * Images and videos through the real SDK: Google's published image sizes, the
 * 4:5 switch, and a Veo operation whose download is a playable H.264 MP4.
 */
import { ApiError, GenerateVideosOperation, GoogleGenAI } from "@google/genai";
import { createFile, MP4BoxBuffer, type Movie } from "mp4box";
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startGenAiEmulator, type GenAiEmulator } from "./index";

const KEY = "emulator-test-key";
const IMAGE_MODEL = "gemini-3.1-flash-image";
const VEO = "veo-3.1-fast-generate-preview";

function movieInfo(bytes: Buffer): Movie {
  const file = createFile();
  let info: Movie | undefined;
  file.onReady = (ready) => {
    info = ready;
  };
  file.appendBuffer(MP4BoxBuffer.fromArrayBuffer(new Uint8Array(bytes).buffer, 0));
  file.flush();
  if (!info) throw new Error("mp4box could not read the file");
  return info;
}

describe("gen-ai emulator: media", () => {
  let emulator: GenAiEmulator;
  let ai: GoogleGenAI;

  beforeAll(async () => {
    emulator = await startGenAiEmulator({ apiKey: KEY });
    ai = new GoogleGenAI({ apiKey: KEY, httpOptions: { baseUrl: emulator.url } });
  });
  afterAll(() => emulator.close());
  beforeEach(() => {
    emulator.settings.allowFourByFive = false;
    emulator.settings.pollsUntilDone = 1;
  });

  const image = (aspectRatio: string, imageSize: string, responseModalities = ["IMAGE"]) =>
    ai.models.generateContent({ model: IMAGE_MODEL, contents: "A sourdough loaf in #1d4e89 light", config: { responseModalities, imageConfig: { aspectRatio, imageSize } } });

  it.each([
    ["1:1", "1K", 1024, 1024],
    ["16:9", "1K", 1344, 768],
    ["9:16", "2K", 1536, 2752],
    ["3:4", "1K", 864, 1184],
  ])("draws a real PNG at Google's size for %s %s", async (ratio, size, width, height) => {
    const response = await image(ratio, size);

    const part = response.candidates?.[0]?.content?.parts?.[0];
    expect(part?.inlineData?.mimeType).toBe("image/png");
    const metadata = await sharp(Buffer.from(part?.inlineData?.data ?? "", "base64")).metadata();
    expect(metadata).toMatchObject({ format: "png", width, height });
    expect(response.usageMetadata?.candidatesTokensDetails).toEqual([{ modality: "IMAGE", tokenCount: 1120 }]);
  });

  it("adds a text part only when TEXT is among the modalities", async () => {
    const response = await image("1:1", "1K", ["TEXT", "IMAGE"]);
    const parts = response.candidates?.[0]?.content?.parts ?? [];
    expect(parts.map((part) => Object.keys(part).find((key) => key === "text" || key === "inlineData"))).toEqual(["text", "inlineData"]);
  });

  it("refuses 4:5 by default and draws it when allowed", async () => {
    const refused = await image("4:5", "1K").catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).status).toBe(400);
    expect(JSON.parse((refused as ApiError).message).error).toMatchObject({ status: "INVALID_ARGUMENT", message: expect.stringMatching(/aspect ratio: 4:5/) });

    emulator.settings.allowFourByFive = true;
    const response = await image("4:5", "1K");
    const metadata = await sharp(Buffer.from(response.candidates?.[0]?.content?.parts?.[0]?.inlineData?.data ?? "", "base64")).metadata();
    expect({ width: metadata.width, height: metadata.height }).toEqual({ width: 896, height: 1152 });
  });

  it("refuses an image size written in lower case, as Google does", async () => {
    const error = await image("1:1", "1k").catch((caught: unknown) => caught);
    expect((error as ApiError).status).toBe(400);
  });

  it("runs a Veo operation to a downloadable H.264 MP4 of the requested shape and length", async () => {
    let operation = await ai.models.generateVideos({ model: VEO, source: { prompt: "Steam over bread" }, config: { aspectRatio: "9:16", durationSeconds: 6, resolution: "720p", numberOfVideos: 1 } });
    expect(operation.name).toMatch(new RegExp(`^models/${VEO}/operations/\\w+$`));
    expect(operation.done).toBeUndefined();

    const handle = new GenerateVideosOperation();
    handle.name = operation.name;
    operation = await ai.operations.getVideosOperation({ operation: handle });
    expect(operation.done).toBeUndefined();
    operation = await ai.operations.getVideosOperation({ operation: handle });
    expect(operation.done).toBe(true);

    const uri = operation.response?.generatedVideos?.[0]?.video?.uri ?? "";
    expect(uri).toMatch(/\/v1beta\/files\/\w+:download\?alt=media$/);
    expect((await fetch(uri)).status).toBe(403);
    const download = await fetch(uri, { headers: { "x-goog-api-key": KEY } });
    expect(download.headers.get("content-type")).toBe("video/mp4");
    const info = movieInfo(Buffer.from(await download.arrayBuffer()));
    expect(info.duration / info.timescale).toBe(6);
    expect(info.videoTracks[0]?.codec).toMatch(/^avc1\./);
    expect(info.videoTracks[0]?.video).toEqual({ width: 720, height: 1280 });
    expect(info.videoTracks[0]?.nb_samples).toBe(6 * 24);
  });

  it("makes 1080p videos at 1920×1080", async () => {
    emulator.settings.pollsUntilDone = 0;
    const started = await ai.models.generateVideos({ model: VEO, source: { prompt: "A bakery" }, config: { aspectRatio: "16:9", durationSeconds: 8, resolution: "1080p" } });
    const done = await ai.operations.getVideosOperation({ operation: started });
    const download = await fetch(done.response?.generatedVideos?.[0]?.video?.uri ?? "", { headers: { "x-goog-api-key": KEY } });
    expect(movieInfo(Buffer.from(await download.arrayBuffer())).videoTracks[0]?.video).toEqual({ width: 1920, height: 1080 });
  });

  it.each([
    [{ aspectRatio: "1:1", durationSeconds: 8 }, /Aspect ratio 1:1/],
    [{ aspectRatio: "16:9", durationSeconds: 5 }, /durationSeconds/],
    [{ aspectRatio: "16:9", durationSeconds: 4, resolution: "1080p" }, /1080p/],
  ])("refuses what Veo 3.1 refuses: %o", async (config, message) => {
    const error = await ai.models.generateVideos({ model: VEO, source: { prompt: "x" }, config }).catch((caught: unknown) => caught);
    expect((error as ApiError).status).toBe(400);
    expect(JSON.parse((error as ApiError).message).error.message).toMatch(message);
  });
});
