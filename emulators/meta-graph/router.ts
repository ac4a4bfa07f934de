import type { CallContext } from "./context";
import { invalidParam, missingPermission, unknownObject } from "./errors";
import { selectFields, type NodeView } from "./fields";
import { adAccountView, customAudienceView, listCustomAudiences, listMyAdAccounts, listMyPages, listMyPermissions, listPixels, pageView, pixelView, userView } from "./objects/accounts";
import { adSetView, createAdSet, deleteAdSet, listAdSets, updateAdSet } from "./objects/adsets";
import { adView, createAd, deleteAd, listAds, updateAd } from "./objects/ads";
import { campaignView, createCampaign, deleteCampaign, listCampaigns, updateCampaign } from "./objects/campaigns";
import { requireAdsPermission } from "./objects/common";
import { createCreative, creativeView, listCreatives, updateCreative } from "./objects/creatives";
import { createImages, listImages } from "./objects/images";
import { requireNodePermission, resolveNode, type ResolvedNode } from "./objects/nodes";
import { createInsightsRun, isInsightsNode, readInsights, readReportRunInsights, reportRunView, type InsightsNode } from "./objects/insights";
import { createVideo, listVideos, noteVideoRead, videoView } from "./objects/videos";
import type { UseCase } from "./rate-limit";

/**
 * A routed call: which ad account it is charged to (known before it runs, so
 * throttling can refuse it), to which business use case (default ads_management)
 * and at which price (default: write unless GET), and the work itself.
 */
export type PlannedCall = { accountId?: string; useCase?: UseCase; isWrite?: boolean; run: () => Promise<unknown> };

type ReportRunNode = Extract<ResolvedNode, { kind: "reportRun" }>;

const SUCCESS = { success: true } as const;

export async function planCall(ctx: CallContext): Promise<PlannedCall> {
  const segments = ctx.path.split("/").filter(Boolean);
  const [nodeId, edge, ...extra] = segments;
  if (!nodeId && ctx.method === "GET" && ctx.params.has("ids")) return planMultiRead(ctx);
  if (!nodeId || extra.length > 0) throw unknownObject(segments.join("/") || "/", ctx.method);
  const write = ctx.method !== "GET";
  const node = await resolveNode(ctx, nodeId);
  const accountId = node.account?.id;

  if (!edge) {
    requireNodePermission(ctx, node, write);
    return { accountId, ...(node.kind === "reportRun" ? { useCase: "ads_insights" as const } : {}), run: () => nodeCall(ctx, node) };
  }
  if (node.kind === "user") return { run: () => userEdge(ctx, edge) };
  if (edge === "insights" && (isInsightsNode(node) || node.kind === "reportRun")) {
    // Insights are reads (ads_read suffices), also when an async job is requested with POST.
    requireNodePermission(ctx, node, false);
    return { accountId, useCase: "ads_insights", isWrite: false, run: () => insightsEdge(ctx, node) };
  }
  requireNodePermission(ctx, node, write);
  return { accountId, run: () => edgeCall(ctx, node, edge) };
}

/** GET /?ids=a,b (the SDK's getByIds): an object keyed by id; every id must resolve. */
async function planMultiRead(ctx: CallContext): Promise<PlannedCall> {
  const ids = ctx.params.list("ids") ?? [];
  if (ids.length > 50) throw invalidParam("Too many IDs. Maximum: 50");
  const nodes = await Promise.all(ids.map((id) => resolveNode(ctx, id)));
  for (const node of nodes) requireNodePermission(ctx, node, false);
  const run = async () => {
    const out: Record<string, unknown> = {};
    for (const [index, node] of nodes.entries()) out[ids[index] ?? ""] = await nodeCall(ctx, node);
    return out;
  };
  return { accountId: nodes.find((node) => node.account)?.account?.id, run };
}

async function render<R>(ctx: CallContext, view: NodeView<R>, record: R) {
  return selectFields(await view.render(ctx, record), ctx.params.string("fields"), view);
}

async function nodeCall(ctx: CallContext, node: ResolvedNode): Promise<unknown> {
  if (ctx.method === "GET") {
    switch (node.kind) {
      case "adAccount":
        return render(ctx, adAccountView, node.record);
      case "campaign":
        return render(ctx, campaignView, node.record);
      case "adSet":
        return render(ctx, adSetView, node.record);
      case "ad":
        return render(ctx, adView, node.record);
      case "creative":
        return render(ctx, creativeView, node.record);
      case "video":
        return render(ctx, videoView, await noteVideoRead(ctx, node.record));
      case "pixel":
        return render(ctx, pixelView, node.record);
      case "customAudience":
        return render(ctx, customAudienceView, node.record);
      case "reportRun":
        return render(ctx, reportRunView, node.record);
      case "page":
        return render(ctx, pageView, node.record);
      case "user":
        return render(ctx, userView, node.record);
    }
  }
  if (ctx.method === "POST") {
    switch (node.kind) {
      case "campaign":
        await updateCampaign(ctx, node.record, node.account);
        return SUCCESS;
      case "adSet":
        await updateAdSet(ctx, node.record, node.account);
        return SUCCESS;
      case "ad":
        await updateAd(ctx, node.record, node.account);
        return SUCCESS;
      case "creative":
        await updateCreative(ctx, node.record);
        return SUCCESS;
      default:
        throw unknownObject(node.record.id, ctx.method);
    }
  }
  switch (node.kind) {
    case "campaign":
      await deleteCampaign(ctx, node.record);
      return SUCCESS;
    case "adSet":
      await deleteAdSet(ctx, node.record);
      return SUCCESS;
    case "ad":
      await deleteAd(ctx, node.record);
      return SUCCESS;
    case "creative":
      await ctx.store.delete("creatives", node.record.id);
      return SUCCESS;
    default:
      throw unknownObject(node.record.id, ctx.method);
  }
}

async function insightsEdge(ctx: CallContext, node: InsightsNode | ReportRunNode): Promise<unknown> {
  if (node.kind === "reportRun") {
    if (ctx.method !== "GET") throw unknownObject(ctx.path, ctx.method);
    return readReportRunInsights(ctx, node.record, node.account);
  }
  if (ctx.method === "GET") return readInsights(ctx, node);
  if (ctx.method === "POST") return createInsightsRun(ctx, node);
  throw unknownObject(ctx.path, ctx.method);
}

async function userEdge(ctx: CallContext, edge: string): Promise<unknown> {
  if (ctx.method !== "GET") throw unknownObject(`me/${edge}`, ctx.method);
  switch (edge) {
    case "adaccounts":
      requireAdsPermission(ctx, false);
      return listMyAdAccounts(ctx);
    case "accounts":
      if (!ctx.token.scopes.includes("pages_show_list")) throw missingPermission("pages_show_list");
      return listMyPages(ctx);
    case "permissions":
      return listMyPermissions(ctx);
    default:
      throw invalidParam(`Tried accessing nonexisting field (${edge}) on node type (User)`);
  }
}

async function edgeCall(ctx: CallContext, node: ResolvedNode, edge: string): Promise<unknown> {
  const get = ctx.method === "GET";
  if (node.kind === "adAccount") {
    const account = node.record;
    switch (`${ctx.method} ${edge}`) {
      case "GET campaigns":
        return listCampaigns(ctx, account.id);
      case "POST campaigns":
        return createCampaign(ctx, account);
      case "GET adsets":
        return listAdSets(ctx, { accountId: account.id });
      case "POST adsets":
        return createAdSet(ctx, account);
      case "GET ads":
        return listAds(ctx, { accountId: account.id });
      case "POST ads":
        return createAd(ctx, account);
      case "GET adcreatives":
        return listCreatives(ctx, account.id);
      case "POST adcreatives":
        return createCreative(ctx, account);
      case "GET adimages":
        return listImages(ctx, account.id);
      case "POST adimages":
        return createImages(ctx, account);
      case "GET advideos":
        return listVideos(ctx, account.id);
      case "POST advideos":
        return createVideo(ctx, account);
      case "GET adspixels":
        return listPixels(ctx, account.id);
      case "GET customaudiences":
        return listCustomAudiences(ctx, account.id);
    }
  }
  if (get && node.kind === "campaign" && edge === "adsets") return listAdSets(ctx, { campaignId: node.record.id });
  if (get && node.kind === "campaign" && edge === "ads") return listAds(ctx, { campaignId: node.record.id });
  if (get && node.kind === "adSet" && edge === "ads") return listAds(ctx, { adSetId: node.record.id });
  if (!get) throw unknownObject(`${node.record.id}/${edge}`, ctx.method);
  throw invalidParam(`Tried accessing nonexisting field (${edge}) on node type (${typeName(node)})`);
}

const typeName = (node: ResolvedNode) =>
  ({ adAccount: "AdAccount", campaign: "Campaign", adSet: "AdSet", ad: "Ad", creative: "AdCreative", video: "AdVideo", pixel: "AdsPixel", customAudience: "CustomAudience", reportRun: "AdReportRun", page: "Page", user: "User" })[node.kind];
