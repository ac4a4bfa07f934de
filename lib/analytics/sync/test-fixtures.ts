/**
 * Test helpers for the insights sync: ad accounts full of delivering ads seeded
 * straight into the Graph emulator's store, the same accounts in AdPilot's
 * tables, the simulator's ground truth for them, and a driver that delivers a
 * run until it ends while moving the (faked) clock past every wait.
 */
import { vi } from "vitest";
import { executeRun, type RunOutcome } from "@/lib/jobs/execute-run";

export { seedEmulatorAccount, type SeededAccount, type SeedOptions } from "./seed-emulator";
export { groundTruth, sumTruth, type Truth } from "./ground-truth";
export { linkAccount } from "./link-account";

/**
 * Delivers a run until it ends, as QStash would: a suspension moves the faked
 * clock to its resume time (so Meta's report progresses and rate limits
 * recover), a failure is retried with the attempt count QStash would send.
 */
export async function driveRun(runId: string, options: { maxDeliveries?: number; onSuspend?: (outcome: Extract<RunOutcome, { kind: "suspended" }>) => void | Promise<void> } = {}): Promise<RunOutcome[]> {
  const outcomes: RunOutcome[] = [];
  let retries = 0;
  for (let delivery = 0; delivery < (options.maxDeliveries ?? 400); delivery++) {
    const outcome = await executeRun(runId, retries);
    outcomes.push(outcome);
    if (outcome.kind === "suspended") {
      await options.onSuspend?.(outcome);
      vi.setSystemTime(Math.max(Date.now(), outcome.resumeAt.getTime()) + 1000);
      continue;
    }
    if (outcome.kind === "retry") {
      retries++;
      continue;
    }
    return outcomes;
  }
  throw new Error(`run ${runId} did not finish: ${JSON.stringify(outcomes.slice(-3))}`);
}
