// npm run bench:creative — time from "Generate" to an asset in the library, and what
// our pipeline adds around a provider call. Runs on embedded defaults (PGlite in a
// temp dir, local files); the Gemini path talks to the Gen-AI emulator over HTTP.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { percentile } from "@/lib/observability/percentile";

const dataDir = mkdtempSync(path.join(tmpdir(), "adpilot-bench-"));
// Set before the app's modules load, so lib/env reads them (a bench run is its own process).
// eslint-disable-next-line no-restricted-properties -- configuring the app under test, not reading config
Object.assign(process.env, { DATA_DIR: dataDir, APP_ENV: "local", LOG_LEVEL: "error", AI_PROVIDER: "offline", GOOGLE_API_KEY: "" });

const { db, closeDb } = await import("@/db");
const { runMigrations } = await import("@/db/migrate");
const { users, creativeAssets } = await import("@/db/schema");
const { eq } = await import("drizzle-orm");
const { startGeneration } = await import("@/lib/creatives/requests");
const { executeRun } = await import("@/lib/jobs/execute-run");
await import("@/lib/jobs/catalog");
const { setAiProviderForTests } = await import("@/lib/ai");
const { GoogleProvider } = await import("@/lib/ai/google");
const { startGenAiEmulator } = await import("@/emulators/google-genai");

type Stats = { median: number; p95: number; runs: number };
const stats = (samples: number[]): Stats => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, p95: percentile(sorted, 0.95)!, runs: sorted.length };
};
const ms = (value: number) => `${value.toFixed(0)} ms`;

async function timed(runs: number, fn: () => Promise<void>): Promise<Stats> {
  await fn(); // warm-up: first font load, first ffmpeg spawn, JIT
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return stats(samples);
}

await runMigrations();
const [user] = await db.insert(users).values({ email: "bench@example.test", name: "Bench", subscriptionTier: "business" }).returning();
const userId = user!.id;

/** What a press of "Generate" does: validate, reserve quota, queue; then the job runs to the asset row. */
async function generate(kind: "image" | "video", format: string) {
  const { request, runId } = await startGeneration(userId, { kind, prompt: "Fresh sourdough every morning, 20% off this weekend", formats: [format], style: "bold", useBrand: false, variants: 1, tags: "" });
  const outcome = await executeRun(runId, 0);
  if (outcome.kind !== "succeeded") throw new Error(`run ended ${JSON.stringify(outcome)}`);
  const rows = await db.select({ id: creativeAssets.id }).from(creativeAssets).where(eq(creativeAssets.generationId, request.id));
  if (rows.length !== 1) throw new Error("asset missing");
}

/** `--image-runs=10 --video-runs=3 --gemini-runs=20` */
const option = (name: string, fallback: number) => Number(process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const imageRuns = option("image-runs", 10);
const videoRuns = option("video-runs", 3);
const offlineImage = await timed(imageRuns, () => generate("image", "9:16"));
const offlineVideo = await timed(videoRuns, () => generate("video", "9:16"));

// Provider overhead: the same image through the whole pipeline vs. the two provider calls alone.
const emulator = await startGenAiEmulator({ apiKey: "bench-key" });
const provider = new GoogleProvider({ apiKey: "bench-key", baseUrl: emulator.url, models: { text: "gemini-3.5-flash", image: "gemini-3.1-flash-image", video: "veo-3.1-fast-generate-preview" } });
const request = { prompt: "Fresh sourdough", format: "9:16" as const, style: "bold" as const, brand: null, variant: 0, seed: 1 };
const directRuns = option("gemini-runs", 20);
const direct = await timed(directRuns, async () => {
  await provider.writeAdCopy({ prompt: request.prompt, brand: null, count: 1 });
  await provider.generateImage(request);
});
setAiProviderForTests(provider);
const pipeline = await timed(directRuns, () => generate("image", "9:16"));
setAiProviderForTests(undefined);
await emulator.close();

const overhead = pipeline.median - direct.median;
console.log("\nCreative pipeline benchmark (2-core machine figures vary; medians, p95 in brackets)\n");
console.log(
  [
    ["measure", "median (p95)", "target", "median / target", "seed limit", "median / seed limit"],
    ["offline image, Generate → library", `${ms(offlineImage.median)} (${ms(offlineImage.p95)})`, "1,000 ms", (offlineImage.median / 1000).toFixed(2), "30 s", (offlineImage.median / 30_000).toFixed(3)],
    ["offline 8 s video, Generate → library", `${ms(offlineVideo.median)} (${ms(offlineVideo.p95)})`, "10,000 ms", (offlineVideo.median / 10_000).toFixed(2), "60 s", (offlineVideo.median / 60_000).toFixed(3)],
    ["Gemini via emulator: provider calls alone", `${ms(direct.median)} (${ms(direct.p95)})`, "", "", "", ""],
    ["Gemini via emulator: whole pipeline", `${ms(pipeline.median)} (${ms(pipeline.p95)})`, "", `${(pipeline.median / direct.median).toFixed(2)}× the calls`, "", ""],
    ["  overhead our pipeline adds", ms(overhead), "100 ms", (overhead / 100).toFixed(2), "", ""],
  ]
    .map((row) => row.map((cell, i) => cell.padEnd([40, 18, 10, 18, 11, 20][i]!)).join(" "))
    .join("\n"),
);
console.log(`\nruns: image ${offlineImage.runs}, video ${offlineVideo.runs}, Gemini ${directRuns} each (after one warm-up)`);

await closeDb();
rmSync(dataDir, { recursive: true, force: true });
