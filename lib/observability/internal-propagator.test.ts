import { context, defaultTextMapGetter, defaultTextMapSetter, ROOT_CONTEXT, trace } from "@opentelemetry/api";
import { BasicTracerProvider } from "@opentelemetry/sdk-trace-base";
import { describe, expect, it } from "vitest";
import { InternalTracePropagator } from "./internal-propagator";

const propagator = new InternalTracePropagator();
const tracer = new BasicTracerProvider().getTracer("test");
const traceIdOf = (ctx: ReturnType<typeof context.active>) => trace.getSpanContext(ctx)?.traceId;

describe("request ids across Next.js's two passes", () => {
  it("carry our own trace from one pass to the next", () => {
    const span = tracer.startSpan("proxy pass");
    const headers: Record<string, string> = {};
    propagator.inject(trace.setSpan(ROOT_CONTEXT, span), headers, defaultTextMapSetter);
    expect(headers.tracestate).toMatch(/^adpilot=/);
    expect(traceIdOf(propagator.extract(ROOT_CONTEXT, headers, defaultTextMapGetter))).toBe(span.spanContext().traceId);
  });

  it("ignore a caller's traceparent, signed or not, sampled or not", () => {
    const foreign = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00";
    for (const headers of [{ traceparent: foreign }, { traceparent: foreign, tracestate: "adpilot=forged" }]) {
      expect(traceIdOf(propagator.extract(ROOT_CONTEXT, headers, defaultTextMapGetter))).toBeUndefined();
    }
    // A genuine mark does not vouch for a different traceparent.
    const headers: Record<string, string> = {};
    propagator.inject(trace.setSpan(ROOT_CONTEXT, tracer.startSpan("x")), headers, defaultTextMapSetter);
    expect(traceIdOf(propagator.extract(ROOT_CONTEXT, { ...headers, traceparent: foreign }, defaultTextMapGetter))).toBeUndefined();
  });
});
