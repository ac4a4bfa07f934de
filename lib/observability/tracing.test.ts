import { context, ROOT_CONTEXT, trace, TraceFlags } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { BasicTracerProvider } from "@opentelemetry/sdk-trace-base";
import { afterAll, describe, expect, it } from "vitest";
import { currentLogFields, withLogContext } from "./log-context";
import { metrics } from "./metrics";
import { summarizeRequests } from "./request-stats";
import { RequestMetricsProcessor, RequestSpanSampler } from "./tracing";

const contextManager = new AsyncLocalStorageContextManager().enable();
context.setGlobalContextManager(contextManager);
const provider = new BasicTracerProvider({ spanProcessors: [new RequestMetricsProcessor()] });
const tracer = provider.getTracer("next.js");
afterAll(() => contextManager.disable());

/** A request span shaped like the one Next.js's base server opens. */
function serve(route: string, method: string, status: number, ms: number) {
  const start = Date.now() - ms;
  const span = tracer.startSpan(method, { startTime: start, attributes: { "next.span_type": "BaseServer.handleRequest", "http.method": method } });
  span.setAttributes({ "http.status_code": status, "http.route": route });
  span.end(start + ms);
}

describe("request spans", () => {
  it("feed the per-route histogram and the recent-request summary; other spans do not", async () => {
    const route = `/t-${Date.now()}`;
    for (let i = 1; i <= 19; i++) serve(route, "GET", 200, i * 10);
    serve(route, "POST", 500, 400);
    tracer.startSpan("AppRender.getBodyResult", { attributes: { "next.span_type": "AppRender.getBodyResult" } }).end();
    // The proxy-only pass of a request is not a request of its own.
    tracer.startSpan("GET", { attributes: { "next.span_type": "BaseServer.handleRequest", "http.method": "GET", "http.status_code": 200, "next.bubble": true } }).end();

    const histogram = (await metrics.httpRequestSeconds.get()).values;
    const count = (method: string, status: string) =>
      histogram.find((value) => value.metricName === "adpilot_http_request_seconds_count" && value.labels.route === route && value.labels.method === method && value.labels.status === status)?.value;
    expect(count("GET", "2xx")).toBe(19);
    expect(count("POST", "5xx")).toBe(1);
    expect(histogram.some((value) => value.labels.route === "unmatched")).toBe(false);

    const summary = summarizeRequests(60_000);
    const mine = summary.slowest.find((row) => row.route === `GET ${route}`);
    expect(mine).toMatchObject({ requests: 19 });
    expect(mine!.p95Ms).toBeGreaterThanOrEqual(180);
    expect(summary.errors).toBeGreaterThanOrEqual(1);
  });
});

describe("log fields", () => {
  it("carry the active span's trace id as the request id, and job run and step fields", () => {
    expect(currentLogFields().requestId).toBeUndefined();
    tracer.startActiveSpan("GET", (span) => {
      const fields = withLogContext({ runId: "run-1" }, () => withLogContext({ step: "page-2" }, () => currentLogFields()));
      expect(fields).toEqual({ requestId: span.spanContext().traceId, runId: "run-1", step: "page-2" });
      span.end();
    });
  });
});

describe("the sampler", () => {
  it("records every request span, even under an unsampled parent, and no inner span, which still carries the request id", () => {
    const sampled = new BasicTracerProvider({ sampler: new RequestSpanSampler(), spanProcessors: [] }).getTracer("next.js");
    const unsampledParent = trace.setSpanContext(ROOT_CONTEXT, { traceId: "0af7651916cd43dd8448eb211c80319c", spanId: "b7ad6b7169203331", traceFlags: TraceFlags.NONE });
    sampled.startActiveSpan("GET", { attributes: { "next.span_type": "BaseServer.handleRequest" } }, unsampledParent, (request) => {
      expect(request.isRecording()).toBe(true);
      const inner = sampled.startSpan("render", { attributes: { "next.span_type": "AppRender.getBodyResult" } });
      expect(inner.isRecording()).toBe(false);
      expect(inner.spanContext().traceId).toBe(request.spanContext().traceId);
      inner.end();
      request.end();
    });
  });
});
