/**
 * Per-test failure switches. A rule affects the next `times` requests (default 1)
 * of its `route` kind, or of any kind it applies to when no route is given.
 *
 *   emulator.faults.add({ kind: "rate_limited", times: 2, route: "text" })
 *   emulator.faults.add({ kind: "safety", route: "image" })
 *   emulator.faults.add({ kind: "delay", ms: 300, times: Infinity })  // every request until clear()
 *
 * Failures are checked after the API key, as Google does: a bad key is never a 429.
 */
export type RouteKind = "text" | "image" | "video" | "poll" | "download";

export type Fault =
  /** 429 for a per-minute limit, with RetryInfo (default 30 s) */
  | { kind: "rate_limited"; retryDelaySeconds?: number }
  /** 429 for a spent daily quota ("daily", default) or depleted prepaid credits ("billing") */
  | { kind: "quota_exhausted"; flavour?: "daily" | "billing" }
  /** 500 INTERNAL */
  | { kind: "internal" }
  /** 503 UNAVAILABLE (model overloaded) */
  | { kind: "unavailable" }
  /** text: promptFeedback.blockReason SAFETY; image: finishReason IMAGE_SAFETY, no image; video: the operation ends RAI-filtered */
  | { kind: "safety" }
  /** text: the answer is cut off mid-JSON (finishReason MAX_TOKENS) */
  | { kind: "malformed_json" }
  /** text: valid JSON that breaks the requested schema (a required property missing) */
  | { kind: "off_schema" }
  /** video: the operation ends with `error` instead of a response */
  | { kind: "operation_failed" }
  /** answer normally, after a delay */
  | { kind: "delay"; ms: number };

export type FaultRule = Fault & { times?: number; route?: RouteKind };

type FaultKind = Fault["kind"];
type Failure = Exclude<Fault, { kind: "delay" }>;

/** Faults that only make sense for some requests; the rest apply to every route. */
const ONLY_ON: Partial<Record<FaultKind, readonly RouteKind[]>> = {
  safety: ["text", "image", "video"],
  malformed_json: ["text"],
  off_schema: ["text"],
  operation_failed: ["video"],
};

export type FaultPlan = { delayMs: number; failure?: Failure };

export class GenAiFaults {
  private rules: Array<FaultRule & { remaining: number }> = [];

  add(rule: FaultRule): this {
    const routes = ONLY_ON[rule.kind];
    if (rule.route && routes && !routes.includes(rule.route)) throw new Error(`fault "${rule.kind}" does not apply to ${rule.route} requests`);
    this.rules.push({ ...rule, remaining: rule.times ?? 1 });
    return this;
  }

  clear(): void {
    this.rules = [];
  }

  /** how many rules still have requests left to affect */
  get pending(): number {
    return this.rules.length;
  }

  /** Consumes the rules matching one request: delays add up, the first matching failure wins. */
  take(route: RouteKind): FaultPlan {
    const plan: FaultPlan = { delayMs: 0 };
    for (const rule of this.rules) {
      if (rule.route ? rule.route !== route : !(ONLY_ON[rule.kind] ?? [route]).includes(route)) continue;
      if (rule.kind === "delay") {
        plan.delayMs += rule.ms;
        rule.remaining--;
      } else if (!plan.failure) {
        const { times: _times, route: _route, remaining: _remaining, ...failure } = rule;
        plan.failure = failure as Failure;
        rule.remaining--;
      }
    }
    this.rules = this.rules.filter((rule) => rule.remaining > 0);
    return plan;
  }
}
