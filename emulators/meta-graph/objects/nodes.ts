import type { CallContext } from "../context";
import { missingPermission, unknownObject } from "../errors";
import type { AdAccountRecord, AdRecord, AdSetRecord, CampaignRecord, CreativeRecord, CustomAudienceRecord, PageRecord, PixelRecord, ReportRunRecord, UserRecord, VideoRecord } from "../types";
import { ownedAccount, requireAdsPermission } from "./common";

/** A Graph node the caller may see, with the ad account it belongs to (for permissions and rate limits). */
export type ResolvedNode =
  | { kind: "adAccount"; record: AdAccountRecord; account: AdAccountRecord }
  | { kind: "campaign"; record: CampaignRecord; account: AdAccountRecord }
  | { kind: "adSet"; record: AdSetRecord; account: AdAccountRecord }
  | { kind: "ad"; record: AdRecord; account: AdAccountRecord }
  | { kind: "creative"; record: CreativeRecord; account: AdAccountRecord }
  | { kind: "video"; record: VideoRecord; account: AdAccountRecord }
  | { kind: "pixel"; record: PixelRecord; account: AdAccountRecord }
  | { kind: "customAudience"; record: CustomAudienceRecord; account: AdAccountRecord }
  | { kind: "reportRun"; record: ReportRunRecord; account: AdAccountRecord }
  | { kind: "page"; record: PageRecord; account?: undefined }
  | { kind: "user"; record: UserRecord; account?: undefined };

/** Account-scoped collections, in the order ids are looked up (one id namespace, as on Graph). */
const ACCOUNT_SCOPED = [
  ["campaigns", "campaign"],
  ["adSets", "adSet"],
  ["ads", "ad"],
  ["creatives", "creative"],
  ["videos", "video"],
  ["pixels", "pixel"],
  ["customAudiences", "customAudience"],
  ["reportRuns", "reportRun"],
] as const;

/**
 * Finds `id` (or `act_…`, or `me`). Objects of other users' accounts resolve
 * exactly like missing ones: Graph does not reveal their existence.
 */
export async function resolveNode(ctx: CallContext, id: string): Promise<ResolvedNode> {
  if (id === "me") return { kind: "user", record: ctx.user };
  if (id.startsWith("act_")) {
    const account = await ownedAccount(ctx, id.slice(4));
    return { kind: "adAccount", record: account, account };
  }
  if (!/^\d+$/.test(id)) throw unknownObject(id, ctx.method);
  for (const [collection, kind] of ACCOUNT_SCOPED) {
    const record = await ctx.store.get(collection, id);
    if (!record) continue;
    const account = await ctx.store.get("adAccounts", record.accountId);
    if (!account || account.ownerUserId !== ctx.user.id) throw unknownObject(id, ctx.method);
    return { kind, record, account } as ResolvedNode;
  }
  const page = await ctx.store.get("pages", id);
  if (page && page.ownerUserId === ctx.user.id) return { kind: "page", record: page };
  if (id === ctx.user.id) return { kind: "user", record: ctx.user };
  throw unknownObject(id, ctx.method);
}

/** Permission a node read or write needs, checked after the node is found (Meta answers 100/33 first). */
export function requireNodePermission(ctx: CallContext, node: ResolvedNode, write: boolean): void {
  if (node.kind === "user") return;
  if (node.kind === "page") {
    if (!["pages_show_list", "pages_read_engagement", "pages_manage_ads", "ads_management"].some((scope) => ctx.token.scopes.includes(scope))) {
      throw missingPermission("pages_show_list");
    }
    return;
  }
  requireAdsPermission(ctx, write);
}
