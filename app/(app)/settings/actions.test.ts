import { eq, inArray } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { auditLog, users } from "@/db/schema";
import { actAs, createTenants } from "@/tests/support/tenancy";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { url });
  },
}));
const { setWeeklyReportEmailAction } = await import("./actions");

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
};
const submit = (values: Record<string, string>) => setWeeklyReportEmailAction(form(values)).catch((error: { url: string }) => error.url);
const wanted = async (ids: string[]) =>
  Object.fromEntries((await db.select({ id: users.id, wanted: users.weeklyReportEmail }).from(users).where(inArray(users.id, ids))).map((row) => [row.id, row.wanted]));

describe("weekly report email setting", () => {
  it("is off by default and changes only the signed-in user's row", async () => {
    const { alice, bob } = await createTenants();
    expect(await wanted([alice.id, bob.id])).toEqual({ [alice.id]: false, [bob.id]: false });

    actAs(alice);
    // An extra field naming another user changes nothing about them.
    expect(await submit({ weeklyReportEmail: "on", userId: bob.id })).toBe("/settings?report=on#reports");
    expect(await wanted([alice.id, bob.id])).toEqual({ [alice.id]: true, [bob.id]: false });
    expect(await db.select({ action: auditLog.action, after: auditLog.after }).from(auditLog).where(eq(auditLog.userId, alice.id))).toEqual([
      { action: "reports.email_preference", after: { weeklyReportEmail: true } },
    ]);

    expect(await submit({ weeklyReportEmail: "off" })).toBe("/settings?report=off#reports");
    expect(await wanted([alice.id])).toEqual({ [alice.id]: false });
  });

  it("refuses a signed-out visitor and a value that is not on or off", async () => {
    const { alice } = await createTenants();
    actAs(null);
    expect(await submit({ weeklyReportEmail: "on" })).toBe("/sign-in?callbackUrl=%2Fsettings");
    actAs(alice);
    expect(await submit({ weeklyReportEmail: "yes please" })).toBe("/settings?report=invalid#reports");
    expect(await wanted([alice.id])).toEqual({ [alice.id]: false });
  });
});
