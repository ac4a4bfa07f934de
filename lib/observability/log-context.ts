import { AsyncLocalStorage } from "node:async_hooks";
import { trace } from "@opentelemetry/api";

/**
 * What every log line of the current unit of work carries: the request id
 * (the OpenTelemetry trace id Next.js gives each request, so actions, routes
 * and pages share one mechanism) and, inside a job delivery, the run and step.
 */
export type LogContext = { runId?: string; job?: string; step?: string; attempt?: number };

const storage = new AsyncLocalStorage<LogContext>();

/** Runs `fn` with `context` added to (and overriding) the fields already in force. */
export function withLogContext<T>(context: LogContext, fn: () => T): T {
  return storage.run({ ...storage.getStore(), ...context }, fn);
}

/** The id of the request being served, or undefined outside one (jobs on the embedded dispatcher, scripts). */
function currentRequestId(): string | undefined {
  const spanContext = trace.getActiveSpan()?.spanContext();
  return spanContext && spanContext.traceId !== "00000000000000000000000000000000" ? spanContext.traceId : undefined;
}

export function currentLogFields(): LogContext & { requestId?: string } {
  const requestId = currentRequestId();
  return { ...(requestId ? { requestId } : {}), ...storage.getStore() };
}
