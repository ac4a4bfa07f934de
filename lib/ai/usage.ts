import "server-only";
import { db } from "@/db";
import { aiUsage, type AiOperation } from "@/db/schema";
import { logger } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";
import { isAiError } from "./errors";
import { estimateCostUsd } from "./pricing";
import type { WithUsage } from "./types";

export type UsageContext = { userId: string | null; provider: string; operation: AiOperation; model: string };

/**
 * Runs one provider call and writes its ai_usage row whatever happens: tokens,
 * images or video seconds, estimated cost, latency and outcome. A failure to
 * write the row is logged and never fails the call it measured.
 */
export async function metered<T>(context: UsageContext, call: () => Promise<WithUsage<T>>): Promise<T> {
  const started = performance.now();
  try {
    const { result, usage } = await call();
    await record(context, started, "ok", usage);
    return result;
  } catch (error) {
    await record(context, started, isAiError(error) ? error.kind : "error", { model: context.model });
    throw error;
  }
}

async function record(context: UsageContext, started: number, outcome: string, usage: WithUsage<unknown>["usage"]): Promise<void> {
  const labels = { provider: context.provider, operation: context.operation };
  metrics.aiCalls.inc({ ...labels, outcome });
  metrics.aiSeconds.observe(labels, (performance.now() - started) / 1000);
  metrics.aiCostUsd.inc(labels, estimateCostUsd(usage));
  try {
    await db.insert(aiUsage).values({
      userId: context.userId,
      provider: context.provider,
      model: usage.model || context.model,
      operation: context.operation,
      inputTokens: usage.inputTokens ?? 0,
      outputTokens: usage.outputTokens ?? 0,
      images: usage.images ?? 0,
      videoSeconds: Math.round(usage.videoSeconds ?? 0),
      costUsd: estimateCostUsd(usage).toFixed(6),
      latencyMs: Math.round(performance.now() - started),
      outcome,
    });
  } catch (error) {
    logger.error("ai_usage.write_failed", { error, operation: context.operation });
  }
}
