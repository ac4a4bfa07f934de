import { randomBytes } from "node:crypto";
import { invalidArgument, notFound } from "./errors";
import type { FaultPlan } from "./faults";
import type { EmulatorState, VideoOperation } from "./state";
import type { PredictLongRunningBody } from "./wire";

const ASPECT_RATIOS = ["16:9", "9:16"] as const;
const RESOLUTIONS = ["720p", "1080p"] as const;
const DURATIONS = [4, 6, 8];

const SIZES: Record<VideoOperation["resolution"], Record<VideoOperation["aspectRatio"], [number, number]>> = {
  "720p": { "16:9": [1280, 720], "9:16": [720, 1280] },
  "1080p": { "16:9": [1920, 1080], "9:16": [1080, 1920] },
};

const operationId = () => randomBytes(9).toString("hex");

function includes<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

/** POST models/{veo}:predictLongRunning: validates like Veo 3.1 and starts an operation. */
export function startVideo(state: EmulatorState, model: string, body: PredictLongRunningBody, failure: FaultPlan["failure"]): Response {
  const instance = body.instances?.[0];
  if (!instance || (typeof instance.prompt !== "string" && !instance.image)) throw invalidArgument("A prompt or an image is required to generate a video.");
  const parameters = body.parameters ?? {};
  const aspectRatio = parameters.aspectRatio ?? "16:9";
  if (!includes(ASPECT_RATIOS, aspectRatio)) throw invalidArgument(`Aspect ratio ${aspectRatio} is not supported. Supported aspect ratios are ${ASPECT_RATIOS.join(" and ")}.`);
  const resolution = parameters.resolution ?? "720p";
  if (!includes(RESOLUTIONS, resolution)) throw invalidArgument(`Resolution ${resolution} is not supported. Supported resolutions are ${RESOLUTIONS.join(" and ")}.`);
  const durationSeconds = parameters.durationSeconds ?? 8;
  if (!DURATIONS.includes(durationSeconds)) throw invalidArgument(`The value for \`durationSeconds\` is out of bound. Supported durations are ${DURATIONS.join(", ")} seconds.`);
  if (resolution === "1080p" && durationSeconds !== 8) throw invalidArgument("1080p videos must be 8 seconds long.");
  const sampleCount = parameters.sampleCount ?? 1;
  if (!Number.isInteger(sampleCount) || sampleCount < 1 || sampleCount > 4) throw invalidArgument("sampleCount must be between 1 and 4.");

  const name = `models/${model}/operations/${operationId()}`;
  const outcome = failure?.kind === "safety" ? "safety" : failure?.kind === "operation_failed" ? "failed" : "ok";
  state.operations.set(name, {
    name,
    model,
    prompt: instance.prompt ?? "",
    aspectRatio,
    resolution,
    durationSeconds,
    sampleCount,
    pollsLeft: state.settings.pollsUntilDone,
    outcome,
  });
  return Response.json({ name });
}

/** GET models/{veo}/operations/{id}: "not done" for the first polls, then the result. */
export function pollVideo(state: EmulatorState, name: string, origin: string): Response {
  const operation = state.operations.get(name);
  if (!operation) throw notFound(`Operation ${name} not found.`);
  if (operation.pollsLeft > 0) {
    operation.pollsLeft--;
    return Response.json({ name });
  }
  if (operation.outcome === "failed") {
    return Response.json({ name, done: true, error: { code: 13, message: "Video generation failed due to an internal error. Please try again later." } });
  }
  const envelope = { "@type": "type.googleapis.com/google.ai.generativelanguage.v1beta.PredictLongRunningResponse" };
  if (operation.outcome === "safety") {
    const reason =
      "We encountered an issue with the prompt that may violate our usage guidelines. The video could not be generated. Try rephrasing the prompt. If you think this was an error, send feedback. Support codes: 58061214";
    return Response.json({ name, done: true, response: { ...envelope, generateVideoResponse: { raiMediaFilteredCount: 1, raiMediaFilteredReasons: [reason] } } });
  }
  operation.files ??= Array.from({ length: operation.sampleCount }, (_, index) => {
    const [width, height] = SIZES[operation.resolution][operation.aspectRatio];
    const id = operationId();
    state.files.set(id, { id, prompt: `${operation.prompt}#${index}`, width, height, durationSeconds: operation.durationSeconds });
    return id;
  });
  const generatedSamples = operation.files.map((id) => ({ video: { uri: `${origin}/v1beta/files/${id}:download?alt=media` } }));
  return Response.json({ name, done: true, response: { ...envelope, generateVideoResponse: { generatedSamples } } });
}
