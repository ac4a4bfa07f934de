import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POST as dataDeletion } from "@/app/api/meta/data-deletion/route";
import { POST as deauthorize } from "@/app/api/meta/deauthorize/route";
import { db } from "@/db";
import { campaigns, metaAccounts, metaAdAccounts, metaDataDeletions, performanceAnalytics } from "@/db/schema";
import { env } from "@/lib/env";
import { createConnection } from "@/tests/support/meta-fixtures";
import { createUser } from "@/tests/support/tenancy";
import { metaConfig } from "./config";
import { createSignedRequest } from "./signed-request";

const post = (handler: (request: Request) => Promise<Response>, signedRequest: string) =>
  handler(
    new Request("http://localhost/api/meta/callback", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ signed_request: signedRequest }),
    }),
  );

describe("Meta's deauthorize and data-deletion callbacks", () => {
  it("refuse a forged signed_request and delete nothing", async () => {
    const user = await createUser();
    const connection = await createConnection(user.id);
    const forged = createSignedRequest({ user_id: connection.metaUserId }, "not-the-app-secret");
    expect((await post(deauthorize, forged)).status).toBe(400);
    expect((await post(dataDeletion, forged)).status).toBe(400);
    expect((await post(deauthorize, "garbage")).status).toBe(400);
    expect(await db.select().from(metaAccounts).where(eq(metaAccounts.id, connection.id))).toHaveLength(1);
  });

  it("deauthorize deletes that Meta user's tokens for every AdPilot user, and no one else's", async () => {
    const [first, second, other] = await Promise.all([createUser(), createUser(), createUser()]);
    const a = await createConnection(first.id, { metaUserId: "fb-shared-1" });
    const b = await createConnection(second.id, { metaUserId: "fb-shared-1" });
    const c = await createConnection(other.id);
    const response = await post(deauthorize, createSignedRequest({ user_id: "fb-shared-1" }, metaConfig().appSecret));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ success: true });
    for (const gone of [a, b]) expect(await db.select().from(metaAccounts).where(eq(metaAccounts.id, gone.id))).toEqual([]);
    expect(await db.select().from(metaAdAccounts).where(eq(metaAdAccounts.metaAccountId, a.id))).toEqual([]);
    expect(await db.select().from(metaAccounts).where(eq(metaAccounts.id, c.id))).toHaveLength(1);
  });

  it("deletes only the departing Meta user's data, even on an ad account another AdPilot user also manages", async () => {
    const [leaving, staying] = await Promise.all([createUser(), createUser()]);
    const gone = await createConnection(leaving.id, { metaUserId: "fb-leaving" });
    const sharedAccount = gone.adAccounts[0]!.adAccountId;
    await createConnection(staying.id, { metaUserId: "fb-staying" });
    const campaign = async (userId: string) => {
      const [row] = await db.insert(campaigns).values({ userId, name: "Spring sale", purpose: "sales", adAccountId: sharedAccount, metaCampaignId: "120000001" }).returning();
      await db.insert(performanceAnalytics).values({ userId, campaignId: row!.id, date: "2026-11-20", impressions: 1000, clicks: 20, spend: "12.50" });
      return row!;
    };
    const [theirs, mine] = [await campaign(leaving.id), await campaign(staying.id)];

    expect((await post(deauthorize, createSignedRequest({ user_id: "fb-leaving" }, metaConfig().appSecret))).status).toBe(200);
    expect(await db.select().from(performanceAnalytics).where(eq(performanceAnalytics.campaignId, theirs.id))).toEqual([]);
    expect((await db.select().from(campaigns).where(eq(campaigns.id, theirs.id)))[0]).toMatchObject({ metaCampaignId: null, adAccountId: null });
    expect(await db.select().from(performanceAnalytics).where(eq(performanceAnalytics.campaignId, mine.id))).toHaveLength(1);
    expect((await db.select().from(campaigns).where(eq(campaigns.id, mine.id)))[0]).toMatchObject({ metaCampaignId: "120000001", adAccountId: sharedAccount });
  });

  it("data deletion deletes, records the request and answers with a status URL and code", async () => {
    const user = await createUser();
    await createConnection(user.id, { metaUserId: "fb-delete-me" });
    const response = await post(dataDeletion, createSignedRequest({ user_id: "fb-delete-me" }, metaConfig().appSecret));
    const body = await response.json();
    expect(body.confirmation_code).toMatch(/^[0-9a-f]{24}$/);
    expect(body.url).toBe(`${env.APP_URL}/meta/data-deletion/${body.confirmation_code}`);
    const [record] = await db.select().from(metaDataDeletions).where(eq(metaDataDeletions.confirmationCode, body.confirmation_code));
    expect(record).toMatchObject({ metaUserId: "fb-delete-me", status: "completed", deletedConnections: 1 });
  });
});
