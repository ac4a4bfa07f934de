import { describe, expect, it } from "vitest";
import { metrics } from "@/lib/observability/metrics";
import { recordRequest } from "@/lib/observability/request-stats";
import { LIVE_WINDOW_MS, liveOverview } from "./live";

describe("the Operations page's per-server figures", () => {
  it("show the last five minutes' requests and the highest Meta usage first", async () => {
    const now = Date.now();
    recordRequest({ at: now - LIVE_WINDOW_MS - 1000, route: "/old", method: "GET", status: 500, ms: 9000 });
    for (let i = 1; i <= 20; i++) recordRequest({ at: now - 1000, route: "/analytics", method: "GET", status: 200, ms: i * 10 });
    metrics.metaUsage.set({ ad_account: "act_low" }, 12);
    metrics.metaUsage.set({ ad_account: "act_high" }, 91);

    const live = await liveOverview(now);
    expect(live.requests).toMatchObject({ requests: 20, errors: 0, p50Ms: 100, p95Ms: 190 });
    expect(live.requests.slowest).toEqual([{ route: "GET /analytics", requests: 20, p95Ms: 190 }]);
    expect(live.metaUsage.slice(0, 2)).toEqual([
      { adAccount: "act_high", percent: 91 },
      { adAccount: "act_low", percent: 12 },
    ]);
  });
});
