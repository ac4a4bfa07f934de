import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Context, TextMapGetter, TextMapPropagator, TextMapSetter } from "@opentelemetry/api";
import { W3CTraceContextPropagator } from "@opentelemetry/core";

const MARK = "adpilot";
// Per process: the only hop we carry a trace across is Next.js's own proxy pass → render pass, inside one server.
const KEY = randomBytes(32);

const sign = (traceparent: string) => createHmac("sha256", KEY).update(traceparent).digest("base64url");

/**
 * W3C trace context that only trusts itself. Next.js hands a request's trace
 * from the proxy pass to the render pass through request headers; a caller's
 * own `traceparent` is ignored, so nobody outside picks our request ids or
 * marks their requests "not sampled" to stay out of the access log.
 */
export class InternalTracePropagator implements TextMapPropagator {
  private readonly w3c = new W3CTraceContextPropagator();

  inject(context: Context, carrier: unknown, setter: TextMapSetter): void {
    const fields: Record<string, string> = {};
    this.w3c.inject(context, fields, { set: (target, key, value) => ((target as Record<string, string>)[key] = value) });
    if (!fields.traceparent) return;
    setter.set(carrier, "traceparent", fields.traceparent);
    setter.set(carrier, "tracestate", `${MARK}=${sign(fields.traceparent)}`);
  }

  extract(context: Context, carrier: unknown, getter: TextMapGetter): Context {
    const traceparent = first(getter.get(carrier, "traceparent"));
    const mark = first(getter.get(carrier, "tracestate"))
      ?.split(",")
      .map((entry) => entry.trim())
      .find((entry) => entry.startsWith(`${MARK}=`))
      ?.slice(MARK.length + 1);
    if (!traceparent || !mark) return context;
    const expected = Buffer.from(sign(traceparent));
    const given = Buffer.from(mark);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return context;
    return this.w3c.extract(context, { traceparent }, { get: (target, key) => (target as Record<string, string>)[key], keys: (target) => Object.keys(target as object) });
  }

  fields(): string[] {
    return ["traceparent", "tracestate"];
  }
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
