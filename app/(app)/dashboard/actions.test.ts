import { beforeEach, describe, expect, it, vi } from "vitest";
import { actAs, createTenants } from "@/tests/support/tenancy";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { url });
  },
}));
// The sync itself is tested with the sync job; here only who it is started for and where the user lands.
const requestSync = vi.fn();
vi.mock("@/lib/analytics/sync/request-sync", () => ({ requestSync }));
const { syncNowAction } = await import("./actions");

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
};
const landing = (data: FormData) => syncNowAction(data).then(() => null, (error: { url?: string }) => error.url ?? String(error));

describe("syncNowAction", () => {
  beforeEach(() => requestSync.mockReset());

  it("starts a sync for the signed-in user only and returns to the page with the runs to follow", async () => {
    const { alice } = await createTenants();
    const runs = ["5f1b7d2e-0c1a-4c3e-9a53-1f2e3d4c5b6a", "6a2c8e3f-1d2b-4d4f-8b64-2a3f4e5d6c7b"];
    requestSync.mockResolvedValueOnce({ runIds: runs });
    actAs(alice);
    expect(await landing(form({ returnTo: "/analytics" }))).toBe(`/analytics?sync=${runs.join(",")}`);
    expect(requestSync).toHaveBeenCalledWith(alice.id, "manual");
  });

  it("sends signed-out visitors to sign in, and only ever back to a known page", async () => {
    actAs(null);
    expect(await landing(form({ returnTo: "/analytics" }))).toBe("/sign-in?callbackUrl=%2Fanalytics");
    expect(requestSync).not.toHaveBeenCalled();
    const { bob } = await createTenants();
    actAs(bob);
    requestSync.mockResolvedValueOnce({ runIds: [] });
    expect(await landing(form({ returnTo: "https://evil.test" }))).toMatch(/^\/dashboard\?syncError=Connect/);
    requestSync.mockRejectedValueOnce(new Error("database down"));
    const failed = await landing(form({}));
    expect(failed).toMatch(/^\/dashboard\?syncError=/);
    expect(decodeURIComponent(failed!)).not.toContain("database down");
  });

  it("stops a script pressing Sync now over and over: 12 an hour, then a wait, without starting anything", async () => {
    const { alice } = await createTenants();
    actAs(alice);
    requestSync.mockResolvedValue({ runIds: ["5f1b7d2e-0c1a-4c3e-9a53-1f2e3d4c5b6a"] });
    for (let press = 0; press < 12; press++) expect(await landing(form({ returnTo: "/dashboard" }))).toMatch(/^\/dashboard\?sync=/);
    expect(requestSync).toHaveBeenCalledTimes(12);
    expect(await landing(form({ returnTo: "/dashboard" }))).toMatch(/^\/dashboard\?syncError=Syncs%20were%20started%20many%20times/);
    expect(requestSync).toHaveBeenCalledTimes(12);
  });
});
