import { env } from "@/lib/env";

/** Runs once when a server process starts (not during `next build`). */
export async function register(): Promise<void> {
  if (env.NEXT_RUNTIME !== "nodejs" || env.NEXT_PHASE === "phase-production-build") return;
  const { startEmbeddedWorkers } = await import("@/lib/jobs/local/embedded-workers");
  startEmbeddedWorkers();
}
