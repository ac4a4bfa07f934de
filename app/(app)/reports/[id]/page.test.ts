import { describe, expect, it, vi } from "vitest";
import { storeReport } from "@/lib/reports/store-report";
import { buildSummary } from "@/lib/reports/build-summary";
import { listReports } from "@/lib/reports/queries";
import { seedCampaign } from "@/lib/reports/test-data";
import { weekStarting } from "@/lib/reports/week";
import { actAs, createTenants } from "@/tests/support/tenancy";

vi.mock("next/navigation", () => ({
  notFound: () => {
    throw Object.assign(new Error("NEXT_NOT_FOUND"), { digest: "NEXT_HTTP_ERROR_FALLBACK;404" });
  },
  redirect: (url: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { url });
  },
}));
const { default: ReportPage } = await import("./page");

const open = (id: string) => ReportPage({ params: Promise.resolve({ id }) });

describe("report page", () => {
  it("shows a report only to its owner; anyone else gets a 404", async () => {
    const { alice, bob } = await createTenants();
    await seedCampaign(alice.id, { name: "Spring sale", purpose: "sales", days: [{ date: "2025-09-02", spend: "12.34", conversions: 1 }] });
    const id = await storeReport(alice.id, await buildSummary(alice.id, weekStarting("2025-09-01")));

    actAs(alice);
    expect(await open(id)).toBeTruthy();
    expect((await listReports(alice.id)).map((report) => report.id)).toEqual([id]);

    actAs(bob);
    await expect(open(id)).rejects.toThrow("NEXT_NOT_FOUND");
    await expect(open("not-a-uuid")).rejects.toThrow("NEXT_NOT_FOUND");
    expect(await listReports(bob.id)).toEqual([]);

    actAs(null);
    await expect(open(id)).rejects.toMatchObject({ url: "/sign-in?callbackUrl=%2Freports" });
  });
});
