import { graphTime, type CallContext } from "../context";
import { minDailyBudget } from "../budgets";
import type { NodeView } from "../fields";
import { listEdge } from "../paging";
import type { AdAccountRecord, CustomAudienceRecord, PageRecord, PixelRecord, UserRecord } from "../types";

export const userView: NodeView<UserRecord> = {
  typeName: "User",
  defaultFields: ["id", "name"],
  async render(_ctx, user) {
    const [first, ...rest] = user.name.split(" ");
    return { id: user.id, name: user.name, email: user.email, first_name: first, last_name: rest.join(" "), short_name: first };
  },
};

export const adAccountView: NodeView<AdAccountRecord> = {
  typeName: "AdAccount",
  defaultFields: ["id", "account_id"],
  async render(_ctx, account) {
    return {
      id: `act_${account.id}`,
      account_id: account.id,
      name: account.name,
      currency: account.currency,
      account_status: account.accountStatus,
      disable_reason: 0,
      timezone_name: account.timezoneName,
      timezone_id: timezoneId(account.timezoneName),
      timezone_offset_hours_utc: account.timezoneOffsetHoursUtc,
      business_name: account.businessName,
      owner: account.ownerUserId,
      // Spend belongs to the insights simulator; the account node reports none.
      amount_spent: "0",
      balance: "0",
      spend_cap: "0",
      min_daily_budget: minDailyBudget(account.currency),
      is_prepay_account: false,
      created_time: graphTime(account.createdTime),
      capabilities: [],
    };
  },
};

/** Meta's numeric timezone ids for the fixture zones (others report 0). */
function timezoneId(name: string): number {
  return ({ "America/Los_Angeles": 1, "America/New_York": 7, "Europe/Berlin": 67, "Europe/London": 50 } as Record<string, number>)[name] ?? 0;
}

export const pageView: NodeView<PageRecord> = {
  typeName: "Page",
  defaultFields: ["id", "name"],
  async render(_ctx, page) {
    return { id: page.id, name: page.name, category: page.category, category_list: [{ id: "2200", name: page.category }], link: `https://www.facebook.com/${page.id}` };
  },
};

/** /me/accounts rows also carry the page token and the caller's tasks, which a page node read does not. */
const managedPageView: NodeView<PageRecord> = {
  typeName: "Page",
  defaultFields: ["access_token", "category", "category_list", "name", "id", "tasks"],
  async render(ctx, page) {
    return {
      ...(await pageView.render(ctx, page)),
      access_token: `EAAB${Buffer.from(`page:${page.id}:${ctx.token.id.slice(4, 40)}`).toString("base64url")}`,
      tasks: ["ADVERTISE", "ANALYZE", "CREATE_CONTENT", "MESSAGING", "MODERATE", "MANAGE"],
    };
  },
};

export const pixelView: NodeView<PixelRecord> = {
  typeName: "AdsPixel",
  defaultFields: ["id", "name"],
  async render(_ctx, pixel) {
    return { id: pixel.id, name: pixel.name, creation_time: graphTime(pixel.createdTime), is_unavailable: false, last_fired_time: graphTime(pixel.createdTime) };
  },
};

export const customAudienceView: NodeView<CustomAudienceRecord> = {
  typeName: "CustomAudience",
  defaultFields: ["id", "name"],
  async render(_ctx, audience) {
    return {
      id: audience.id,
      account_id: audience.accountId,
      name: audience.name,
      subtype: audience.subtype,
      description: audience.description,
      retention_days: audience.retentionDays,
      approximate_count_lower_bound: Math.round(audience.approximateCount * 0.9),
      approximate_count_upper_bound: Math.round(audience.approximateCount * 1.1),
      operation_status: { code: 200, description: "Normal" },
      delivery_status: { code: 200, description: "This audience is ready for use." },
    };
  },
};

export async function listMyAdAccounts(ctx: CallContext) {
  return listEdge(ctx, await ctx.store.list("adAccounts", { ownerUserId: ctx.user.id }), adAccountView);
}

export async function listMyPages(ctx: CallContext) {
  return listEdge(ctx, await ctx.store.list("pages", { ownerUserId: ctx.user.id }), managedPageView);
}

/** /me/permissions: granted scopes from the token, as Graph reports them. */
export function listMyPermissions(ctx: CallContext) {
  return { data: ["public_profile", ...ctx.token.scopes].map((permission) => ({ permission, status: "granted" })) };
}

export async function listPixels(ctx: CallContext, accountId: string) {
  return listEdge(ctx, await ctx.store.list("pixels", { accountId }), pixelView);
}

export async function listCustomAudiences(ctx: CallContext, accountId: string) {
  return listEdge(ctx, await ctx.store.list("customAudiences", { accountId }), customAudienceView);
}
