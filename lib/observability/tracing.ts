import { type Attributes, context, propagation, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { BasicTracerProvider, type ReadableSpan, type Sampler, SamplingDecision, type SamplingResult, type SpanProcessor } from "@opentelemetry/sdk-trace-base";
import { InternalTracePropagator } from "./internal-propagator";
import { logger } from "./logger";
import { metrics } from "./metrics";
import { recordRequest } from "./request-stats";

/** The span Next.js opens around every request it serves (pages, server actions, route handlers). */
const REQUEST_SPAN = "BaseServer.handleRequest";

/**
 * Turns Next.js's own request spans into the per-route latency histogram and
 * the recent-request ring. Nothing is exported to a tracing backend: the spans
 * exist for their timing and their trace id, which is our request id.
 */
export class RequestMetricsProcessor implements SpanProcessor {
  onStart(): void {}

  onEnd(span: ReadableSpan): void {
    if (span.attributes["next.span_type"] !== REQUEST_SPAN) return;
    // Next.js serves a request that passes proxy.ts in two passes; the first (proxy
    // only, marked "bubble") would count every page twice. A redirect answered by the
    // proxy alone (signed out → /sign-in) is therefore not in these figures.
    if (span.attributes["next.bubble"] === true) return;
    const route = String(span.attributes["http.route"] ?? span.attributes["next.route"] ?? "unmatched");
    const method = String(span.attributes["http.method"] ?? "GET");
    const status = Number(span.attributes["http.status_code"] ?? 0);
    const [seconds, nanos] = span.duration;
    const ms = seconds * 1000 + nanos / 1e6;
    // A server action shows up as a POST to the route of the page it was called from.
    metrics.httpRequestSeconds.observe({ route, method, status: statusClass(status) }, ms / 1000);
    recordRequest({ at: Date.now(), route, method, status, ms });
    // The access log line. The path without its query: OAuth returns carry codes there.
    const path = String(span.attributes["http.target"] ?? "").split("?")[0];
    logger.info("request", { requestId: span.spanContext().traceId, method, route, path, status, ms: Math.round(ms) });
  }

  async forceFlush(): Promise<void> {}
  async shutdown(): Promise<void> {}
}

/**
 * Records the request spans and nothing else, whatever a parent says: every
 * request is timed and logged (no caller can opt out), while the dozens of
 * inner spans Next.js opens per render stay non-recording, which keeps their
 * cost near zero yet still carries the trace id that is our request id.
 */
export class RequestSpanSampler implements Sampler {
  shouldSample(_context: unknown, _traceId: string, _name: string, _kind: unknown, attributes: Attributes): SamplingResult {
    return { decision: attributes["next.span_type"] === REQUEST_SPAN ? SamplingDecision.RECORD_AND_SAMPLED : SamplingDecision.NOT_RECORD };
  }

  toString(): string {
    return "RequestSpanSampler";
  }
}

const statusClass = (status: number) => (status >= 100 ? `${Math.floor(status / 100)}xx` : "unknown");

const started = globalThis as typeof globalThis & { __adpilotTracing?: boolean };

/** Called once per server process from instrumentation.ts. */
export function startTracing(): void {
  if (started.__adpilotTracing) return;
  started.__adpilotTracing = true;
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  // Next.js hands the proxy pass's trace context to the render pass through request
  // headers; with a propagator both passes, and so their log lines, share one request id.
  // Only our own hop is trusted (a caller's traceparent is ignored).
  propagation.setGlobalPropagator(new InternalTracePropagator());
  trace.setGlobalTracerProvider(new BasicTracerProvider({ sampler: new RequestSpanSampler(), spanProcessors: [new RequestMetricsProcessor()] }));
}
