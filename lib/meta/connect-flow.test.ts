import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as callback } from "@/app/api/meta/oauth/callback/route";
import { db } from "@/db";
import { metaAccounts, metaAdAccounts } from "@/db/schema";
import { SANDBOX } from "@/emulators/meta-graph";
import { env } from "@/lib/env";
import { serve } from "@/tests/support/serve";
import { actAs, createUser } from "@/tests/support/tenancy";
import { loginDialogUrl } from "./config";
import { graphApiFor, listConnections } from "./connections";
import { createOAuthState } from "./oauth-state";
import { handleSandboxRequest } from "./sandbox/mount";
import { createPostgresGraphStore } from "./sandbox/postgres-store";
import { renewExpiringTokens, validateTokens } from "./token-lifecycle";
import { PermanentJobError, RetryLater } from "@/lib/jobs/errors";
import { kv } from "@/lib/kv";
import { withMetaConnection } from "./with-connection";
import { accountPauseSeconds, recordUsage, usageKey } from "./usage-store";

// The whole round trip against the sandbox as the app mounts it: the consent page,
// the code exchange, long-lived token, debug_token and profile reads over HTTP,
// with the sandbox's state in this test's database.
const sandboxUrl = new URL(env.META_GRAPH_URL!);
const scope = sandboxUrl.pathname.split("/").pop()!;
let sandbox: { close(): Promise<void> };

beforeAll(async () => {
  sandbox = await serve((request) => handleSandboxRequest(request, new URL(request.url).pathname.split("/")[4]!), Number(sandboxUrl.port));
});
afterAll(async () => sandbox?.close());

/** Loads the sandbox consent page and submits it as a person would. */
async function consent(dialogUrl: string, choice: { decision: "grant" | "deny"; user?: string; decline?: string[] }): Promise<string> {
  const page = await (await fetch(dialogUrl)).text();
  const action = /<form method="post" action="([^"]+)"/.exec(page)![1]!.replaceAll("&#38;", "&");
  const form = new URLSearchParams();
  for (const [, name, value] of page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) form.set(name!, value!.replaceAll("&#44;", ","));
  form.set("user_id", choice.user ?? SANDBOX.sam.userId);
  for (const [, scopeName] of page.matchAll(/name="granted_scopes" value="([^"]+)"/g)) {
    if (!choice.decline?.includes(scopeName!)) form.append("granted_scopes", scopeName!);
  }
  form.set("decision", choice.decision);
  const response = await fetch(new URL(action, dialogUrl), { method: "POST", body: form, redirect: "manual" });
  expect(response.status).toBe(302);
  return response.headers.get("location")!;
}

async function returnTo(location: string): Promise<string> {
  const response = await callback(new Request(location));
  expect(response.status).toBe(303);
  const target = new URL(response.headers.get("location")!);
  return `${target.pathname}${target.search}`;
}

describe("connecting Meta through the sandbox", () => {
  it("grants, stores an encrypted long-lived token and the ad accounts within the plan", async () => {
    const user = await createUser();
    actAs(user);
    const state = createOAuthState(user.id);
    const location = await consent(loginDialogUrl(user.id, state), { decision: "grant" });
    expect(location).toContain(`state=${encodeURIComponent(state)}`);
    expect(await returnTo(location)).toBe("/settings?meta=connected");

    const [connection] = await db.select().from(metaAccounts).where(eq(metaAccounts.userId, user.id));
    expect(connection).toMatchObject({ metaUserId: SANDBOX.sam.userId, name: "Sam Sandbox", sandbox: true, status: "active" });
    expect(connection!.accessToken).toMatch(/^v1\./);
    expect(connection!.permissions).toEqual(expect.arrayContaining(["ads_management", "ads_read"]));
    expect(connection!.tokenExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 50 * 86_400_000);
    const accounts = await db.select().from(metaAdAccounts).where(eq(metaAdAccounts.userId, user.id));
    expect(accounts.map((account) => account.adAccountId).sort()).toEqual([`act_${SANDBOX.sam.adAccountId}`, `act_${SANDBOX.sam.eurAdAccountId}`]);
    // Starter: one ad account managed, and it is the default.
    expect(accounts.filter((account) => account.connected)).toEqual([expect.objectContaining({ isDefault: true })]);

    // The stored token works through the SDK, with appsecret_proof.
    const me = await graphApiFor(connection!).call<{ id: string }>("GET", ["me"], { fields: "id" });
    expect(me.id).toBe(SANDBOX.sam.userId);

    // The same callback again (a replay) is refused and changes nothing.
    expect(await returnTo(location)).toBe("/settings?meta=expired");
    expect(await db.select().from(metaAccounts).where(eq(metaAccounts.userId, user.id))).toHaveLength(1);
  });

  it("a reconnect keeps the user's choices: an account they switched off stays off", async () => {
    const user = await createUser({ subscriptionTier: "professional" });
    actAs(user);
    const connect = async () => returnTo(await consent(loginDialogUrl(user.id, createOAuthState(user.id)), { decision: "grant" }));
    expect(await connect()).toBe("/settings?meta=connected");
    const eur = (await db.select().from(metaAdAccounts).where(eq(metaAdAccounts.userId, user.id))).find((row) => row.currency === "EUR")!;
    expect(eur.connected).toBe(true);
    await db.update(metaAdAccounts).set({ connected: false }).where(eq(metaAdAccounts.id, eur.id));

    expect(await connect()).toBe("/settings?meta=connected");
    const after = await db.select().from(metaAdAccounts).where(eq(metaAdAccounts.userId, user.id));
    expect(after.find((row) => row.id === eur.id)!.connected).toBe(false);
    expect(after.filter((row) => row.connected)).toHaveLength(1);
    expect(await db.select().from(metaAccounts).where(eq(metaAccounts.userId, user.id))).toHaveLength(1);
  });

  it("refuses a state started by another user", async () => {
    const [alice, mallory] = [await createUser(), await createUser()];
    const location = await consent(loginDialogUrl(alice.id, createOAuthState(alice.id)), { decision: "grant" });
    actAs(mallory);
    expect(await returnTo(location)).toBe("/settings?meta=expired");
    expect(await db.select().from(metaAccounts).where(eq(metaAccounts.userId, mallory.id))).toEqual([]);
  });

  it("a denied consent changes nothing", async () => {
    const user = await createUser();
    actAs(user);
    const location = await consent(loginDialogUrl(user.id, createOAuthState(user.id)), { decision: "deny" });
    expect(location).toContain("error=access_denied");
    expect(await returnTo(location)).toBe("/settings?meta=denied");
    expect(await listConnections(user.id)).toEqual([]);
  });

  it("a missing ads permission is explained, and nothing is stored", async () => {
    const user = await createUser();
    actAs(user);
    const location = await consent(loginDialogUrl(user.id, createOAuthState(user.id)), { decision: "grant", decline: ["ads_read"] });
    expect(await returnTo(location)).toBe("/settings?meta=missing&scopes=ads_read");
    expect(await listConnections(user.id)).toEqual([]);
    expect(loginDialogUrl(user.id, "s", { rerequest: true })).toContain("auth_type=rerequest");
  });

  it("renews tokens close to expiry, and a token Meta no longer accepts marks the connection once", async () => {
    const user = await createUser();
    actAs(user);
    await returnTo(await consent(loginDialogUrl(user.id, createOAuthState(user.id)), { decision: "grant" }));
    const [connection] = await db.select().from(metaAccounts).where(eq(metaAccounts.userId, user.id));
    await db.update(metaAccounts).set({ tokenExpiresAt: new Date(Date.now() + 3 * 86_400_000) }).where(eq(metaAccounts.id, connection!.id));

    const renewed = await renewExpiringTokens();
    expect(renewed.renewed).toBeGreaterThanOrEqual(1);
    const [after] = await db.select().from(metaAccounts).where(eq(metaAccounts.id, connection!.id));
    expect(after!.tokenExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 50 * 86_400_000);

    // Meta expires the token (the user changed their password): the sandbox's record says so.
    const store = createPostgresGraphStore(db, scope);
    const plain = (await graphApiFor(after!)).accessToken;
    const record = await store.get("tokens", plain);
    await store.put("tokens", { ...record!, expiresAt: new Date(Date.now() - 60_000).toISOString() });

    const report = await validateTokens();
    expect(report.needsReconnect).toBeGreaterThanOrEqual(1);
    const [view] = await listConnections(user.id);
    expect(view).toMatchObject({ status: "reconnect_required" });
    // Marked connections are not checked again, so there is no retry loop.
    const markedAt = (await db.select().from(metaAccounts).where(eq(metaAccounts.id, connection!.id)))[0]!.lastCheckedAt;
    await validateTokens();
    const [final] = await db.select().from(metaAccounts).where(eq(metaAccounts.id, connection!.id));
    expect(final).toMatchObject({ status: "reconnect_required", lastCheckedAt: markedAt });
  });

  it("background work: a token that dies mid-work marks the connection and stops; a hot ad account waits", async () => {
    const user = await createUser();
    actAs(user);
    await returnTo(await consent(loginDialogUrl(user.id, createOAuthState(user.id)), { decision: "grant" }));
    const [connection] = await db.select().from(metaAccounts).where(eq(metaAccounts.userId, user.id));
    const account = `act_${SANDBOX.sam.adAccountId}`;

    // Works while the token is good, and records the account's usage on the way.
    const campaigns = await withMetaConnection(connection!.id, { adAccountId: account }, (api) => api.call<{ data: unknown[] }>("GET", [account, "campaigns"], { fields: "id" }));
    expect(Array.isArray(campaigns.data)).toBe(true);

    // Near the limit: the work is postponed instead of hammering Meta.
    await recordUsage(user.id, { appPct: 0, accountPct: { [SANDBOX.sam.adAccountId]: 97 }, regainSeconds: 0 });
    await expect(withMetaConnection(connection!.id, { adAccountId: account }, async () => "ran")).rejects.toBeInstanceOf(RetryLater);
    // Another user's sandbox account with the same id is not affected.
    expect(await accountPauseSeconds((await createUser()).id, account)).toBe(0);
    await kv().delete(usageKey(user.id, account));

    // The token expires while a sync runs: marked once, stopped for good, never retried.
    const store = createPostgresGraphStore(db, scope);
    let calls = 0;
    const failure = withMetaConnection(connection!.id, { adAccountId: account }, async (api) => {
      calls++;
      const record = await store.get("tokens", api.accessToken);
      await store.put("tokens", { ...record!, expiresAt: new Date(Date.now() - 1000).toISOString() });
      return api.call("GET", [account, "campaigns"], { fields: "id" });
    });
    await expect(failure).rejects.toBeInstanceOf(PermanentJobError);
    expect((await listConnections(user.id))[0]).toMatchObject({ status: "reconnect_required" });
    await expect(withMetaConnection(connection!.id, {}, async () => "ran")).rejects.toThrow(/needs to be reconnected/);
    expect(calls).toBe(1);
  });
});
