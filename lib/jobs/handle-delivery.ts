import "server-only";
import { z } from "zod";
import { logger } from "@/lib/observability/logger";
import "./catalog";
import { jobUrl } from "./config";
import { executeRun, type RunOutcome } from "./execute-run";
import { getJob } from "./registry";
import { scheduleById } from "./schedules";
import { verifyDelivery } from "./signing";
import { startJob } from "./start-job";

const envelopeSchema = z.union([z.object({ runId: z.uuid() }).strict(), z.object({ schedule: z.string().min(1).max(100) }).strict()]);

const reply = (status: number, body: Record<string, unknown>) => Response.json(body, { status });

/** 2xx ends the delivery (done, or failed for good); 5xx asks QStash to retry it with backoff. */
function toResponse(outcome: RunOutcome): Response {
  switch (outcome.kind) {
    case "retry":
      return reply(500, { outcome: outcome.kind, error: outcome.reason });
    case "skipped":
      // Another delivery is executing this run: try again later rather than run it twice.
      return outcome.reason === "busy" ? reply(503, { outcome: "busy" }) : reply(200, { outcome: outcome.reason });
    default:
      return reply(200, { outcome: outcome.kind, ...(outcome.kind === "failed" ? { error: outcome.reason } : {}) });
  }
}

/**
 * One delivery from QStash or the local dispatcher: verify the signature on the
 * raw body before anything else, validate the envelope, execute the run.
 */
export async function handleDelivery(request: Request, jobName: string): Promise<Response> {
  const body = await request.text();
  if (!(await verifyDelivery(request.headers.get("upstash-signature"), body, jobUrl(jobName)))) {
    logger.warn("rejected job delivery with a missing or invalid signature", { job: jobName.slice(0, 100) });
    return reply(401, { error: "invalid signature" });
  }

  const job = getJob(jobName);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    json = undefined;
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!job || !envelope.success) {
    // Retrying cannot fix an unknown job or a malformed envelope.
    logger.error("unusable job delivery", { job: jobName.slice(0, 100), known: Boolean(job) });
    return reply(200, { outcome: "rejected", error: job ? "invalid envelope" : "unknown job" });
  }

  const attempt = Math.max(0, Number(request.headers.get("upstash-retried") ?? 0) || 0);
  if ("runId" in envelope.data) return toResponse(await executeRun(envelope.data.runId, attempt));

  // A schedule firing: one run per QStash message, executed in this same request.
  const schedule = scheduleById(envelope.data.schedule);
  if (!schedule || schedule.job !== jobName) return reply(200, { outcome: "rejected", error: "unknown schedule" });
  const messageId = request.headers.get("upstash-message-id") ?? `${schedule.id}:${new Date().toISOString().slice(0, 16)}`;
  const { run } = await startJob(job, {}, { idempotencyKey: `schedule:${schedule.id}:${messageId}`, inline: true });
  return toResponse(await executeRun(run.id, attempt));
}
