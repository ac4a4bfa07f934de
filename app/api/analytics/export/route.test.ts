import { describe, expect, it } from "vitest";
import { addDays, todayUtc } from "@/lib/analytics/range";
import { createLaunchedCampaign, insertDays } from "@/tests/support/analytics-fixtures";
import { actAs, createTenants } from "@/tests/support/tenancy";
import { GET } from "./route";

// The route computes "today" itself, so rows are placed relative to the real date.
const today = todayUtc();
const get = (query: string) => GET(new Request(`http://localhost/api/analytics/export?${query}`));
const lines = async (response: Response) => (await response.text()).replace(/^\uFEFF/, "").trimEnd().split("\r\n");

describe("GET /api/analytics/export", () => {
  it("exports the signed-in user's campaign table as escaped CSV with a filename", async () => {
    const { alice, bob } = await createTenants();
    const named = await createLaunchedCampaign(alice.id, { name: '=HYPERLINK("http://evil.test")' });
    const plain = await createLaunchedCampaign(alice.id, { name: "Spring, sale" });
    const bobs = await createLaunchedCampaign(bob.id, { name: "Bob's secret" });
    await insertDays(alice.id, named.id, [{ date: addDays(today, -5), spendCents: 1_001, impressions: 100, clicks: 3, conversions: 1, valueCents: 4_000 }]);
    await insertDays(alice.id, plain.id, [{ date: addDays(today, -6), spendCents: 20_099, impressions: 10, clicks: 0, conversions: 0, valueCents: 0 }]);
    await insertDays(bob.id, bobs.id, [{ date: addDays(today, -5), spendCents: 77_777, impressions: 1, clicks: 1, conversions: 1, valueCents: 1 }]);

    actAs(null);
    expect((await get("range=last_7")).status).toBe(401);

    actAs(alice);
    const response = await get("range=last_7&sort=spend&dir=desc&table=campaigns");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="adpilot-campaigns-${addDays(today, -6)}-to-${today}-USD.csv"`);
    const csv = await lines(response);
    expect(csv).toHaveLength(3);
    expect(csv[1]).toMatch(/^"Spring, sale",active,Sell online,USD,200\.99,10,5,0,0,,0,,0\.00,0$/);
    expect(csv[2]).toMatch(/^"'=HYPERLINK\(""http:\/\/evil\.test""\)",active,Sell online,USD,10\.01,100,50,3,3,3\.34,1,10\.01,40\.00,4$/);
    expect(csv.join("\n")).not.toContain("Bob");

    // Sorted as the page was: cheapest first.
    const ascending = await lines(await get("range=last_7&sort=spend&dir=asc"));
    expect(ascending[1]).toContain("10.01");

    const daily = await lines(await get("range=last_7&table=daily"));
    expect(daily).toHaveLength(8);
    expect(daily.at(-1)).toMatch(new RegExp(`^${today},USD,0\\.00,.*,yes$`));
    expect(daily.find((line) => line.startsWith(addDays(today, -5)))).toContain(",10.01,");
  });

  it("answers 404 for another user's campaign ids, alone or mixed with the caller's own, and leaks nothing", async () => {
    const { alice, bob } = await createTenants();
    const secret = await createLaunchedCampaign(alice.id, { name: "Alice only" });
    await insertDays(alice.id, secret.id, [{ date: addDays(today, -3), spendCents: 12_345, impressions: 10, clicks: 1, conversions: 1, valueCents: 0 }]);
    const own = await createLaunchedCampaign(bob.id, { name: "Bob's own" });
    await insertDays(bob.id, own.id, [{ date: addDays(today, -3), spendCents: 500, impressions: 10, clicks: 1, conversions: 1, valueCents: 0 }]);

    actAs(bob);
    for (const query of [`range=last_7&campaign=${secret.id}`, `range=last_7&campaign=${secret.id}&campaign=${own.id}`, `range=last_7&campaign=${secret.id}&table=daily`]) {
      const response = await get(query);
      expect(response.status).toBe(404);
      const body = await response.text();
      expect(body).not.toContain("Alice only");
      expect(body).not.toContain("123.45");
    }
    const mine = (await lines(await get(`range=last_7&campaign=${own.id}&table=campaigns`))).join("\n");
    expect(mine).toContain("Bob's own");
  });

  it("refuses an invalid range or table instead of exporting other dates", async () => {
    const { alice } = await createTenants();
    actAs(alice);
    expect((await get(`since=${addDays(today, 1)}&until=${addDays(today, 2)}`)).status).toBe(400);
    expect((await get("since=2025-02-10&until=2025-02-01")).status).toBe(400);
    expect((await get("table=users")).status).toBe(400);
  });
});
