import { describe, expect, it } from "vitest";
import { pauseSeconds, readUsage } from "./usage";

const headers = (values: Record<string, unknown>) =>
  new Headers(Object.fromEntries(Object.entries(values).map(([name, value]) => [name, JSON.stringify(value)])));

describe("Meta usage headers", () => {
  it("reads app, account and business use case usage", () => {
    const usage = readUsage(
      headers({
        "x-app-usage": { call_count: 12, total_time: 30, total_cputime: 5 },
        "x-ad-account-usage": { acc_id_util_pct: 40, reset_time_duration: 0 },
        "x-business-use-case-usage": { "123": [{ type: "ads_management", call_count: 88, total_time: 10, total_cputime: 3, estimated_time_to_regain_access: 0 }] },
      }),
    );
    expect(usage).toEqual({ appPct: 40, accountPct: { "123": 88 }, regainSeconds: 0 });
    expect(pauseSeconds(usage, "123")).toBe(120);
    expect(pauseSeconds(usage, "999")).toBe(0);
  });

  it("pauses 10 minutes from 95%, longer when Meta says so, and tolerates junk", () => {
    const blocked = readUsage(
      headers({ "x-business-use-case-usage": { "7": [{ call_count: 101, estimated_time_to_regain_access: 25 }] } }),
    );
    expect(pauseSeconds(blocked, "7")).toBe(1500);
    expect(pauseSeconds(readUsage(headers({ "x-app-usage": { call_count: 96 } })))).toBe(600);
    expect(readUsage(new Headers({ "x-app-usage": "not json" }))).toEqual({ appPct: 0, accountPct: {}, regainSeconds: 0 });
  });

  it("counts the insights throttle header, which insights calls carry", () => {
    const usage = readUsage(headers({ "x-fb-ads-insights-throttle": { app_id_util_pct: 10, acc_id_util_pct: 91 } }));
    expect(usage.appPct).toBe(91);
    expect(pauseSeconds(usage)).toBe(120);
  });
});
