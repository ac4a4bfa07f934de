import type { GraphStore } from "./store";

/**
 * Sandbox fixtures: what a freshly connected sandbox user owns. Ids are fixed so
 * tests, seeds and the sandbox UI can refer to them.
 */
export const SANDBOX = {
  sam: {
    userId: "1000000000000001",
    name: "Sam Sandbox",
    /** USD, Los Angeles */
    adAccountId: "2000000000000001",
    /** EUR, Berlin */
    eurAdAccountId: "2000000000000002",
    pageId: "3000000000000001",
    pixelId: "4000000000000001",
    eurPixelId: "4000000000000002",
    customAudienceId: "5000000000000001",
    eurCustomAudienceId: "5000000000000002",
  },
  riley: {
    userId: "1000000000000002",
    name: "Riley Sandbox",
    /** USD, New York */
    adAccountId: "2000000000000003",
    pageId: "3000000000000002",
    pixelId: "4000000000000003",
    customAudienceId: "5000000000000003",
  },
  app: {
    /** promoted_object.application_id for APP_INSTALLS */
    applicationId: "6000000000000001",
    objectStoreUrl: "https://play.google.com/store/apps/details?id=com.adpilot.sandbox",
    iosObjectStoreUrl: "https://apps.apple.com/app/id6000000001",
  },
} as const;

const CREATED = "2024-01-02T09:00:00.000Z";

export async function seedSandbox(store: GraphStore): Promise<void> {
  const { sam, riley, app } = SANDBOX;
  await store.put("users", { id: sam.userId, name: sam.name, email: "sam@sandbox.adpilot.test" });
  await store.put("users", { id: riley.userId, name: riley.name, email: "riley@sandbox.adpilot.test" });

  const account = (id: string, ownerUserId: string, name: string, currency: string, timezoneName: string, offset: number) =>
    store.put("adAccounts", {
      id,
      ownerUserId,
      name,
      currency,
      accountStatus: 1,
      timezoneName,
      timezoneOffsetHoursUtc: offset,
      businessName: `${name} Business`,
      createdTime: CREATED,
    });
  await account(sam.adAccountId, sam.userId, "Sam Sandbox Ads (USD)", "USD", "America/Los_Angeles", -8);
  await account(sam.eurAdAccountId, sam.userId, "Sam Sandbox Ads (EUR)", "EUR", "Europe/Berlin", 1);
  await account(riley.adAccountId, riley.userId, "Riley Sandbox Ads", "USD", "America/New_York", -5);

  await store.put("pages", { id: sam.pageId, ownerUserId: sam.userId, name: "Sam's Sandbox Shop", category: "Shopping & retail" });
  await store.put("pages", { id: riley.pageId, ownerUserId: riley.userId, name: "Riley's Sandbox Studio", category: "Local business" });

  const pixel = (id: string, accountId: string, name: string) => store.put("pixels", { id, accountId, name, createdTime: CREATED });
  await pixel(sam.pixelId, sam.adAccountId, "Sam Sandbox Pixel");
  await pixel(sam.eurPixelId, sam.eurAdAccountId, "Sam Sandbox Pixel (EU)");
  await pixel(riley.pixelId, riley.adAccountId, "Riley Sandbox Pixel");

  const audience = (id: string, accountId: string) =>
    store.put("customAudiences", {
      id,
      accountId,
      name: "Website visitors (30 days)",
      subtype: "WEBSITE",
      description: "Everyone who visited the site in the last 30 days",
      approximateCount: 12_400,
      retentionDays: 30,
    });
  await audience(sam.customAudienceId, sam.adAccountId);
  await audience(sam.eurCustomAudienceId, sam.eurAdAccountId);
  await audience(riley.customAudienceId, riley.adAccountId);

  // Validation accepts this app for any sandbox user, so both can try APP_INSTALLS.
  await store.put("apps", { id: app.applicationId, ownerUserId: sam.userId, name: "AdPilot Sandbox App", objectStoreUrls: [app.objectStoreUrl, app.iosObjectStoreUrl] });
}
