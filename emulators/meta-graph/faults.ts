/**
 * Per-test failure switches. A rule applies to the next `times` Graph calls whose
 * method and path match; batch items count as calls of their own. `path` is tested
 * against "/v24.0/<path>" (no query string), e.g. /\/campaigns$/.
 *
 *   emulator.faults.add({ kind: "transient", code: 2, times: 2 })
 *   emulator.faults.add({ kind: "delay", ms: 300, path: /adsets/ })
 *   emulator.faults.add({ kind: "reportRunFailure", atPercent: 40 })
 *   emulator.faults.add({ kind: "lostResponse", method: "POST", path: /\/adsets$/ })
 *   emulator.faults.add({ kind: "transient", times: Infinity, probability: 0.1 })
 *
 * "reportRunFailure" does not fail a call: it marks the report run created by the
 * next matching async insights request (POST …/insights), which then ends in
 * "Job Failed" and answers -2/2490547 when its results are read.
 */
export type FaultKind =
  /** code 1 or 2, is_transient true, HTTP 500 */
  | { kind: "transient"; code?: 1 | 2 }
  /** a bare HTTP 500 with an HTML body, like a failing edge proxy */
  | { kind: "http500" }
  /** 190/463 as if the token had just expired (the token itself stays valid) */
  | { kind: "tokenExpired" }
  /** 17/2446079 with usage headers over 100 % */
  | { kind: "rateLimit"; regainMinutes?: number }
  /** answer normally, after a delay */
  | { kind: "delay"; ms: number }
  /** the next async insights job fails once its progress reaches `atPercent` (default 50) */
  | { kind: "reportRunFailure"; atPercent?: number }
  /** any Graph error as Meta words it: 100 with a user message, 200, 613/1487632 … (HTTP 400 unless `status`) */
  | { kind: "error"; code: number; subcode?: number; message?: string; userTitle?: string; userMsg?: string; status?: number }
  /** the call takes effect (the object is created) but its answer is lost: the client sees a transient 500 */
  | { kind: "lostResponse" };

export type FaultRule = FaultKind & {
  /** how many matching calls this rule affects (default 1; Infinity for all) */
  times?: number;
  path?: RegExp;
  method?: "GET" | "POST" | "DELETE";
  /** chance (0-1) that a matching call is affected; calls it spares do not count against `times` */
  probability?: number;
  /** the dice for `probability` (default Math.random); pass a seeded one for a repeatable run */
  random?: () => number;
};

export type FaultPlan = { delayMs: number; failure?: Exclude<FaultKind, { kind: "delay" | "reportRunFailure" }> };

const DEFAULT_REPORT_FAIL_PERCENT = 50;

/** Whether a matching rule affects this call: always, unless it only fires at random. */
const fires = (rule: FaultRule) => rule.probability === undefined || (rule.random ?? Math.random)() < rule.probability;

export class FaultInjector {
  private rules: Array<FaultRule & { remaining: number }> = [];

  add(rule: FaultRule): this {
    this.rules.push({ ...rule, remaining: rule.times ?? 1 });
    return this;
  }

  clear(): void {
    this.rules = [];
  }

  /** rules that still have calls left to affect */
  get pending(): number {
    return this.rules.filter((rule) => rule.remaining > 0).length;
  }

  /**
   * Consumes the rules matching this call. Delays add up; the first matching
   * failure rule wins, so stacked failures are served one per call.
   */
  take(method: string, path: string): FaultPlan {
    const plan: FaultPlan = { delayMs: 0 };
    for (const rule of this.rules) {
      if (rule.remaining <= 0) continue;
      if (rule.method && rule.method !== method) continue;
      if (rule.path && !rule.path.test(path)) continue;
      if (rule.kind === "reportRunFailure") continue;
      if (rule.kind === "delay") {
        if (!fires(rule)) continue;
        plan.delayMs += rule.ms;
        rule.remaining--;
      } else if (!plan.failure && fires(rule)) {
        plan.failure = rule;
        rule.remaining--;
      }
    }
    this.rules = this.rules.filter((rule) => rule.remaining > 0);
    return plan;
  }

  /**
   * Consumes the first "reportRunFailure" rule matching a report-run creation
   * (`path` like take's) and returns the percentage at which that run fails.
   */
  takeReportRunFailure(path: string): number | undefined {
    const rule = this.rules.find(
      (candidate) =>
        candidate.kind === "reportRunFailure" && candidate.remaining > 0 && (!candidate.method || candidate.method === "POST") && (!candidate.path || candidate.path.test(path)) && fires(candidate),
    );
    if (!rule || rule.kind !== "reportRunFailure") return undefined;
    rule.remaining--;
    this.rules = this.rules.filter((candidate) => candidate.remaining > 0);
    return rule.atPercent ?? DEFAULT_REPORT_FAIL_PERCENT;
  }
}
