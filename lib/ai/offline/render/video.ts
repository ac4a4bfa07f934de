import "server-only";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { AiError } from "@/lib/ai/errors";
import type { GeneratedVideo, VideoRequest } from "@/lib/ai/types";
import { runFfmpeg } from "@/lib/media/ffmpeg";
import { composeDesign } from "./design";
import { drawBackdrop, drawCreative, drawLayer } from "./draw";
import { encodeCreative } from "./image";
import { prepareLogo } from "./logo";
import { fromRaster } from "./rasterize";
import { assertRenderable } from "./validate";
import { ffmpegArgs, type VideoPlan } from "./video-graph";

const FPS = 30;
/** The backdrop is drawn this much larger than the frame so the push-in never upscales. */
const SUPERSAMPLE = 1.5;
const DURATIONS = [4, 6, 8];
const FFMPEG_TIMEOUT_MS = 60_000;

/**
 * An H.264 MP4 of the creative in motion, drawn on this machine: the same design
 * as `renderAdImage`, its layers rendered once as stills and animated by ffmpeg.
 */
export async function renderAdVideo(request: VideoRequest): Promise<GeneratedVideo> {
  assertRenderable(request);
  if (!DURATIONS.includes(request.durationSeconds)) {
    throw new AiError("invalid_request", `Videos can be ${DURATIONS.join(", ")} seconds long, not ${request.durationSeconds}.`);
  }
  const logo = await prepareLogo(request.brand?.logo);
  const main = composeDesign(request, logo, "main");
  const end = composeDesign(request, logo, "end");
  const { width, height } = main.frame;

  const dir = await mkdtemp(path.join(tmpdir(), "adpilot-video-"));
  try {
    const backdropWidth = even(width * SUPERSAMPLE);
    const backdropHeight = even(height * SUPERSAMPLE);
    const backdropFile = path.join(dir, "backdrop.rgb");
    const endFile = path.join(dir, "end.png");
    const layers = main.foreground.layers.map((layer, index) => ({ layer, file: path.join(dir, `layer-${index}.png`) }));

    const [poster] = await Promise.all([
      drawCreative(main).then((pipeline) => encodeCreative(pipeline, main)),
      drawBackdrop(main, SUPERSAMPLE).then(async (pipeline) =>
        writeFile(backdropFile, await pipeline.resize(backdropWidth, backdropHeight, { fit: "fill" }).raw().toBuffer()),
      ),
      drawCreative(end).then((pipeline) => pipeline.png({ compressionLevel: 1 }).toFile(endFile)),
      ...layers.map(async ({ layer, file }) => fromRaster(await drawLayer(main, layer)).png({ compressionLevel: 1 }).toFile(file)),
    ]);

    const plan: VideoPlan = {
      width,
      height,
      fps: FPS,
      durationSeconds: request.durationSeconds,
      backdrop: { file: backdropFile, width: backdropWidth, height: backdropHeight },
      focus: main.focus,
      layers: layers.map(({ layer, file }) => ({ name: layer.name, file, x: layer.box.x, y: layer.box.y })),
      endCard: endFile,
      rise: 3.5 * main.frame.unit,
    };
    const output = path.join(dir, "creative.mp4");
    await runFfmpeg(ffmpegArgs(plan, output), { timeoutMs: FFMPEG_TIMEOUT_MS, cwd: dir });
    const bytes = await readFile(output);
    return { bytes, mimeType: "video/mp4", width, height, durationSeconds: request.durationSeconds, poster };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** libx264 with 4:2:0 chroma needs even dimensions; zoompan is happier with them too. */
function even(value: number): number {
  return 2 * Math.round(value / 2);
}
