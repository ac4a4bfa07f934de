import "server-only";
import type { MetaAccount } from "@/db/schema";
import { MetaApiError } from "@/lib/meta/errors";
import type { GraphApi } from "@/lib/meta/graph-api";

export type NamedObject = { id: string; name: string };

/** What an ad account offers a campaign on Meta right now: its state, the Pages, pixels and audiences it can use. */
export type AccountSetup = {
  account: { name: string; currency: string; accountStatus: number };
  pages: NamedObject[];
  /** "stored" when Meta would not list Pages (pages_show_list declined) and the connect-time list was used. */
  pagesSource: "meta" | "stored";
  pixels: NamedObject[];
  customAudiences: Array<NamedObject & { approximateCount: number | null }>;
};

type Listing = { data?: Array<Record<string, unknown>>; paging?: { next?: string } };

/** Every row of a Graph edge, following `paging.next`; bounded so a runaway listing cannot loop. */
async function listAll(api: GraphApi, path: string[], fields: string, maxPages = 10): Promise<Array<Record<string, unknown>>> {
  const rows: Array<Record<string, unknown>> = [];
  let page = await api.call<Listing>("GET", path, { fields, limit: 100 });
  for (let count = 1; ; count++) {
    rows.push(...(page.data ?? []));
    const next = page.paging?.next;
    if (!next || count >= maxPages) return rows;
    page = await api.call<Listing>("GET", next);
  }
}

const named = (row: Record<string, unknown>): NamedObject => ({ id: String(row.id), name: String(row.name ?? row.id) });

/** Pages the Meta user can advertise for; the connection's stored list when Meta will not say. */
async function promotablePages(api: GraphApi, connection: Pick<MetaAccount, "pages">): Promise<{ pages: NamedObject[]; source: "meta" | "stored" }> {
  try {
    return { pages: (await listAll(api, ["me", "accounts"], "id,name")).map(named), source: "meta" };
  } catch (error) {
    if (error instanceof MetaApiError && error.kind === "permission") return { pages: connection.pages, source: "stored" };
    throw error;
  }
}

/** The ad account's custom audiences (ids are only usable in targeting on this account). */
export async function listCustomAudiences(api: GraphApi, adAccountId: string): Promise<AccountSetup["customAudiences"]> {
  const rows = await listAll(api, [adAccountId, "customaudiences"], "id,name,approximate_count_lower_bound");
  return rows.map((row) => ({
    ...named(row),
    approximateCount: typeof row.approximate_count_lower_bound === "number" ? row.approximate_count_lower_bound : null,
  }));
}

/** Reads the account, its Pages, pixels and custom audiences in parallel (four read calls). */
export async function readAccountSetup(api: GraphApi, connection: Pick<MetaAccount, "pages">, adAccountId: string): Promise<AccountSetup> {
  const [account, pages, pixels, audiences] = await Promise.all([
    api.call<Record<string, unknown>>("GET", [adAccountId], { fields: "name,currency,account_status" }),
    promotablePages(api, connection),
    listAll(api, [adAccountId, "adspixels"], "id,name"),
    listCustomAudiences(api, adAccountId),
  ]);
  return {
    account: { name: String(account.name ?? adAccountId), currency: String(account.currency ?? ""), accountStatus: Number(account.account_status ?? 0) },
    pages: pages.pages,
    pagesSource: pages.source,
    pixels: pixels.map(named),
    customAudiences: audiences,
  };
}
