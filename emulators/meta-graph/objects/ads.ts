import { graphTime, type CallContext } from "../context";
import { invalidParam, requiredParam } from "../errors";
import type { NodeView } from "../fields";
import { listEdge } from "../paging";
import { qualityForAd } from "../quality";
import type { AdAccountRecord, AdRecord } from "../types";
import { checkStatus } from "../validation";
import { asRecord, effectiveStatus, initialStatusHistory, newestFirst, nowIso, statusExclusion, withStatus } from "./common";

export const adView: NodeView<AdRecord> = {
  typeName: "Ad",
  defaultFields: ["id", "name"],
  async render(ctx, ad) {
    const [campaign, adSet] = await Promise.all([ctx.store.get("campaigns", ad.campaignId), ctx.store.get("adSets", ad.adSetId)]);
    // `quality` is deliberately absent: it is the simulator's hidden truth.
    return {
      id: ad.id,
      account_id: ad.accountId,
      campaign_id: ad.campaignId,
      adset_id: ad.adSetId,
      campaign: { id: ad.campaignId },
      adset: { id: ad.adSetId },
      name: ad.name,
      status: ad.status,
      configured_status: ad.status,
      effective_status: effectiveStatus(ad.status, { campaign: campaign?.status, adSet: adSet?.status }),
      creative: { id: ad.creativeId },
      created_time: graphTime(ad.createdTime),
      updated_time: graphTime(ad.updatedTime),
    };
  },
};

export async function listAds(ctx: CallContext, where: { accountId: string } | { adSetId: string } | { campaignId: string }) {
  return listEdge(ctx, newestFirst(await ctx.store.list("ads", where)), adView, { exclude: statusExclusion(ctx) });
}

/** `creative` arrives as {"creative_id": "…"} (or a JSON string of it). */
async function creativeInAccount(ctx: CallContext, account: AdAccountRecord): Promise<string> {
  const creative = asRecord(ctx.params.json("creative"));
  if (!creative) throw requiredParam("creative");
  const id = creative.creative_id ?? creative.id;
  if (id === undefined) throw requiredParam("creative[creative_id]");
  const record = await ctx.store.get("creatives", String(id));
  if (!record || record.accountId !== account.id) throw invalidParam(`Param creative: creative ${String(id)} does not exist in act_${account.id}`);
  return record.id;
}

export async function createAd(ctx: CallContext, account: AdAccountRecord): Promise<{ id: string }> {
  const name = ctx.params.string("name");
  if (!name) throw requiredParam("name");
  const adSetId = ctx.params.string("adset_id");
  if (!adSetId) throw requiredParam("adset_id");
  const adSet = await ctx.store.get("adSets", adSetId);
  if (!adSet || adSet.accountId !== account.id || adSet.status === "DELETED") throw invalidParam(`Param adset_id must be an ad set in act_${account.id}; ${adSetId} is not`);
  const creativeId = await creativeInAccount(ctx, account);
  const status = checkStatus(ctx.params.string("status"), { allowArchive: false }) ?? "ACTIVE";
  const id = await ctx.store.nextId();
  const now = nowIso(ctx);
  const ad: AdRecord = { id, accountId: account.id, campaignId: adSet.campaignId, adSetId, creativeId, name, status, quality: qualityForAd(id, account.currency), createdTime: now, updatedTime: now, statusHistory: initialStatusHistory(status, now) };
  await ctx.store.put("ads", ad);
  return { id };
}

export async function deleteAd(ctx: CallContext, ad: AdRecord): Promise<void> {
  const now = nowIso(ctx);
  await ctx.store.put("ads", { ...withStatus(ad, "DELETED", now), updatedTime: now });
}

export async function updateAd(ctx: CallContext, ad: AdRecord, account: AdAccountRecord): Promise<void> {
  if (ad.status === "DELETED") throw invalidParam("Cannot update a deleted ad");
  const now = nowIso(ctx);
  let next: AdRecord = { ...ad, updatedTime: now };
  if (ctx.params.has("name")) next.name = ctx.params.string("name") ?? ad.name;
  const status = checkStatus(ctx.params.string("status"), { allowArchive: true });
  if (status) next = withStatus(next, status, now);
  if (ctx.params.has("creative")) next.creativeId = await creativeInAccount(ctx, account);
  await ctx.store.put("ads", next);
}
