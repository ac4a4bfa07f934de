import { describe, expect, it } from "vitest";
import { bucketFor, resolveDatePreset, type Increment } from "./date-range";

describe("resolveDatePreset", () => {
  const today = "2025-03-20"; // a Thursday

  it.each([
    ["last_3d", "2025-03-17", "2025-03-19"],
    ["last_14d", "2025-03-06", "2025-03-19"],
    ["last_28d", "2025-02-20", "2025-03-19"],
    ["last_90d", "2024-12-20", "2025-03-19"],
    ["this_quarter", "2025-01-01", "2025-03-20"],
    ["last_quarter", "2024-10-01", "2024-12-31"],
    ["this_year", "2025-01-01", "2025-03-20"],
    ["last_year", "2024-01-01", "2024-12-31"],
    ["this_week_mon_today", "2025-03-17", "2025-03-20"],
    ["this_week_sun_today", "2025-03-16", "2025-03-20"],
    ["last_week_mon_sun", "2025-03-10", "2025-03-16"],
    ["last_week_sun_sat", "2025-03-09", "2025-03-15"],
  ])("%s → %s … %s", (preset, since, until) => {
    expect(resolveDatePreset(preset, today)).toEqual({ since, until });
  });

  it("handles month ends and leap years for last_month", () => {
    expect(resolveDatePreset("last_month", "2024-03-31")).toEqual({ since: "2024-02-01", until: "2024-02-29" });
    expect(resolveDatePreset("last_month", "2025-01-15")).toEqual({ since: "2024-12-01", until: "2024-12-31" });
  });

  it("starts maximum at the earliest object, at most 37 months back", () => {
    expect(resolveDatePreset("maximum", today, "2024-06-01")).toEqual({ since: "2024-06-01", until: today });
    expect(resolveDatePreset("maximum", today)).toEqual({ since: "2022-02-01", until: today });
  });
});

describe("bucketFor", () => {
  const range = { since: "2025-01-25", until: "2025-03-05" };
  const monthly: Increment = { kind: "monthly" };
  it("clips monthly buckets to the range", () => {
    expect(bucketFor("2025-01-28", range, monthly)).toEqual({ since: "2025-01-25", until: "2025-01-31" });
    expect(bucketFor("2025-02-10", range, monthly)).toEqual({ since: "2025-02-01", until: "2025-02-28" });
    expect(bucketFor("2025-03-02", range, monthly)).toEqual({ since: "2025-03-01", until: "2025-03-05" });
  });
});
