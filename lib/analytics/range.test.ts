import { describe, expect, it } from "vitest";
import { parseFilters } from "./filters";
import { daysOf, lengthInDays, parseRange, presetRange, previousPeriod } from "./range";

const TODAY = "2025-03-15";

describe("date ranges", () => {
  it("turns presets into ranges ending today, and months into calendar months", () => {
    expect(presetRange("last_7", TODAY)).toEqual({ since: "2025-03-09", until: TODAY, preset: "last_7" });
    expect(lengthInDays(presetRange("last_14", TODAY))).toBe(14);
    expect(lengthInDays(presetRange("last_28", TODAY))).toBe(28);
    expect(presetRange("last_90", TODAY).since).toBe("2024-12-16");
    expect(presetRange("this_month", TODAY)).toMatchObject({ since: "2025-03-01", until: TODAY });
    expect(presetRange("last_month", TODAY)).toMatchObject({ since: "2025-02-01", until: "2025-02-28" });
    expect(presetRange("last_month", "2024-03-31")).toMatchObject({ since: "2024-02-01", until: "2024-02-29" });
    expect(presetRange("last_month", "2025-01-05")).toMatchObject({ since: "2024-12-01", until: "2024-12-31" });
  });

  it("compares with the period of equal length right before", () => {
    expect(previousPeriod({ since: "2025-03-01", until: "2025-03-15" })).toEqual({ since: "2025-02-14", until: "2025-02-28" });
    expect(previousPeriod({ since: "2025-03-15", until: "2025-03-15" })).toEqual({ since: "2025-03-14", until: "2025-03-14" });
    expect(daysOf({ since: "2024-02-27", until: "2024-03-01" })).toEqual(["2024-02-27", "2024-02-28", "2024-02-29", "2024-03-01"]);
  });

  it("accepts a valid custom range and refuses reversed, future, too long or impossible dates", () => {
    expect(parseRange({ since: "2025-01-01", until: "2025-01-31" }, TODAY)).toEqual({ range: { since: "2025-01-01", until: "2025-01-31", preset: "custom" }, error: null });
    expect(parseRange({ range: "custom", since: "2024-03-15", until: TODAY }, TODAY).error).toBeNull(); // 366 days
    const refusals: Array<[Record<string, string>, RegExp]> = [
      [{ since: "2025-02-10", until: "2025-02-01" }, /on or before/],
      [{ since: "2025-03-10", until: "2025-03-16" }, /future/],
      [{ since: "2024-03-14", until: TODAY }, /at most 366 days/],
      [{ since: "2025-02-30", until: "2025-03-01" }, /does not exist/],
      [{ since: "yesterday", until: "2025-03-01" }, /2025-01-31/],
      [{ range: "custom" }, /./],
      [{ since: "2025-03-01" }, /./],
    ];
    for (const [input, message] of refusals) {
      const parsed = parseRange(input, TODAY);
      expect(parsed.error, JSON.stringify(input)).toMatch(message);
      expect(parsed.range).toEqual(presetRange("last_28", TODAY));
    }
  });

  it("prefers a named preset and ignores unknown ones", () => {
    expect(parseRange({ range: "last_7", since: "2020-01-01", until: "2020-01-02" }, TODAY).range.preset).toBe("last_7");
    expect(parseRange({ range: "last_9000" }, TODAY)).toEqual({ range: presetRange("last_28", TODAY), error: null });
    expect(parseRange({ range: "__proto__" }, TODAY).range.preset).toBe("last_28");
  });
});

describe("parseFilters", () => {
  it("reads repeated or comma-separated campaign ids, keeping only well-formed ones, and defaults the sort", () => {
    const a = "0b7c5a52-2b1e-4a4f-9f59-2f0a5f6f1a01";
    const b = "1c8d6b63-3c2f-4b5a-8a6a-3a1b6a7a2b02";
    const params = new URLSearchParams([["campaign", a], ["campaign", `${b},not-an-id`], ["campaign", a], ["currency", "eur"], ["sort", "cpa"], ["dir", "sideways"]]);
    expect(parseFilters(params, TODAY)).toMatchObject({ campaignIds: [a, b], currency: "EUR", sort: "cpa", dir: "desc", rangeError: null });
    expect(parseFilters({ sort: "drop table", currency: "EURO" }, TODAY)).toMatchObject({ sort: "spend", dir: "desc", currency: null, campaignIds: [] });
    expect(parseFilters({ sort: "name" }, TODAY).dir).toBe("asc");
  });
});
