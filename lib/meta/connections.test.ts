import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { disconnectMetaAction, setDefaultAdAccountAction, toggleAdAccountAction } from "@/app/(app)/settings/actions";
import { db } from "@/db";
import { metaAccounts, metaAdAccounts } from "@/db/schema";
import { createConnection } from "@/tests/support/meta-fixtures";
import { actAs, createTenants, createUser } from "@/tests/support/tenancy";
import { listConnections, markNeedsReconnect, setAdAccountConnected } from "./connections";
import { removeRevokedConnections } from "./token-lifecycle";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
// redirect() throws in Next; here it records where the action sent the user.
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { url });
  },
}));

async function redirectOf(action: () => Promise<unknown>): Promise<string> {
  try {
    await action();
  } catch (error) {
    return (error as { url?: string }).url ?? "threw";
  }
  return "no redirect";
}

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) data.set(name, value);
  return data;
};

describe("Meta connections in Settings", () => {
  it("never lets one user change or see another's connections", async () => {
    const { alice, bob } = await createTenants();
    const connection = await createConnection(alice.id);
    const account = connection.adAccounts[1]!;

    actAs(bob);
    expect(await redirectOf(() => toggleAdAccountAction(form({ id: account.id, connected: "1" })))).toBe("/settings?meta=not-found#meta");
    expect(await redirectOf(() => setDefaultAdAccountAction(form({ id: connection.adAccounts[0]!.id })))).toBe("/settings?meta=not-found#meta");
    expect(await redirectOf(() => disconnectMetaAction(form({ id: connection.id })))).toBe("/settings?meta=not-found#meta");
    expect(await listConnections(bob.id)).toEqual([]);
    expect(await db.select().from(metaAccounts).where(eq(metaAccounts.id, connection.id))).toHaveLength(1);

    actAs(alice);
    const views = await listConnections(alice.id);
    expect(views).toHaveLength(1);
    expect(JSON.stringify(views)).not.toContain("EAAB");
  });

  it("keeps within the plan's ad account limit and moves the default", async () => {
    const user = await createUser();
    const connection = await createConnection(user.id, { adAccounts: 3, connected: 1 });
    const [first, second] = connection.adAccounts;
    // Starter allows one ad account.
    expect(await setAdAccountConnected(user.id, "starter", second!.id, true)).toEqual({ ok: false, error: "limit_reached" });
    expect(await setAdAccountConnected(user.id, "professional", second!.id, true)).toEqual({ ok: true });

    actAs(user);
    expect(await redirectOf(() => setDefaultAdAccountAction(form({ id: second!.id })))).toBe("/settings?meta=updated#meta");
    const rows = await db.select().from(metaAdAccounts).where(eq(metaAdAccounts.metaAccountId, connection.id));
    expect(rows.find((row) => row.id === first!.id)!.isDefault).toBe(false);
    expect(rows.find((row) => row.id === second!.id)!.isDefault).toBe(true);
    expect(await redirectOf(() => toggleAdAccountAction(form({ id: "not-a-uuid", connected: "1" })))).toBe("/settings?meta=not-found#meta");

    // Switching off the default hands the default to another managed account.
    expect(await redirectOf(() => toggleAdAccountAction(form({ id: second!.id, connected: "0" })))).toBe("/settings?meta=updated#meta");
    const afterOff = await db.select().from(metaAdAccounts).where(eq(metaAdAccounts.metaAccountId, connection.id));
    expect(afterOff.filter((row) => row.isDefault).map((row) => row.id)).toEqual([first!.id]);
  });

  it("disconnecting deletes the token and the ad accounts", async () => {
    const user = await createUser();
    const connection = await createConnection(user.id);
    actAs(user);
    expect(await redirectOf(() => disconnectMetaAction(form({ id: connection.id })))).toBe("/settings?meta=disconnected#meta");
    expect(await db.select().from(metaAccounts).where(eq(metaAccounts.id, connection.id))).toEqual([]);
    expect(await db.select().from(metaAdAccounts).where(eq(metaAdAccounts.metaAccountId, connection.id))).toEqual([]);
  });

  it("a token error marks the connection for reconnect once, with the reason shown", async () => {
    const user = await createUser();
    const connection = await createConnection(user.id);
    await markNeedsReconnect(connection.id, "Meta says the session has expired.");
    await markNeedsReconnect(connection.id, "again");
    const [view] = await listConnections(user.id);
    expect(view).toMatchObject({ status: "reconnect_required", statusReason: "Meta says the session has expired." });
  });

  it("the monthly cleanup deletes connections left unreconnected for 90 days, and only those", async () => {
    const user = await createUser();
    const [stale, recent, healthy] = [await createConnection(user.id), await createConnection(user.id), await createConnection(user.id)];
    const longAgo = new Date(Date.now() - 91 * 86_400_000);
    await db.update(metaAccounts).set({ status: "reconnect_required", updatedAt: longAgo }).where(eq(metaAccounts.id, stale.id));
    await db.update(metaAccounts).set({ status: "reconnect_required" }).where(eq(metaAccounts.id, recent.id));
    await db.update(metaAccounts).set({ updatedAt: longAgo }).where(eq(metaAccounts.id, healthy.id));
    await removeRevokedConnections();
    const left = (await db.select().from(metaAccounts).where(eq(metaAccounts.userId, user.id))).map((row) => row.id).sort();
    expect(left).toEqual([recent.id, healthy.id].sort());
  });
});
