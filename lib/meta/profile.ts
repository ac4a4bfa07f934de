import "server-only";
import { User } from "facebook-nodejs-business-sdk";
import type { GraphApi } from "./graph-api";

export type AdAccountInfo = { adAccountId: string; name: string; currency: string; timezone: string; accountStatus: number };
export type MetaProfile = { userId: string; name: string; adAccounts: AdAccountInfo[]; pages: Array<{ id: string; name: string }> };

type CursorLike = Array<{ exportAllData(): Record<string, unknown> }> & { hasNext(): boolean; next(): Promise<unknown> };

/** Reads every page of an SDK cursor (bounded, so a runaway listing cannot loop forever). */
async function everyPage(first: unknown, maxPages = 20): Promise<Array<Record<string, unknown>>> {
  const cursor = (await first) as CursorLike;
  const rows: Array<Record<string, unknown>> = [];
  for (let page = 0; page < maxPages; page++) {
    rows.push(...cursor.map((item) => item.exportAllData()));
    if (!cursor.hasNext()) break;
    await cursor.next();
  }
  return rows;
}

/** Who connected, which ad accounts they can manage and which Pages they run. */
export async function fetchMetaProfile(api: GraphApi): Promise<MetaProfile> {
  const me = new User("me", undefined, undefined, api);
  const [profile, accounts, pages] = await Promise.all([
    api.call<{ id: string; name?: string }>("GET", ["me"], { fields: "id,name" }),
    everyPage(me.getAdAccounts(["account_id", "name", "currency", "account_status", "timezone_name"], { limit: 100 })),
    everyPage(me.getAccounts(["id", "name"], { limit: 100 })),
  ]);
  return {
    userId: profile.id,
    name: profile.name ?? "Facebook user",
    adAccounts: accounts.map((account) => ({
      adAccountId: String(account.id),
      name: String(account.name ?? account.id),
      currency: String(account.currency ?? "USD"),
      timezone: String(account.timezone_name ?? "UTC"),
      accountStatus: Number(account.account_status ?? 1),
    })),
    pages: pages.map((page) => ({ id: String(page.id), name: String(page.name ?? page.id) })),
  };
}
