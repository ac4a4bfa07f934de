import "server-only";
import type { GraphApi } from "@/lib/meta/graph-api";

/** The ad account edges the launch creates objects on. */
export type LaunchEdge = "campaigns" | "adsets" | "adcreatives" | "ads";

export type GraphObject = { id: string; name?: string; status?: string; effective_status?: string; daily_budget?: string; lifetime_budget?: string };

/**
 * Objects on an ad account edge whose name carries `tag`. Meta's CONTAIN filter
 * ignores case, so the tag is checked again exactly: `[ap-1a2b3c4d ad 1]` must
 * not be taken for `[AP-1A2B3C4D AD 1]` made by some other tool.
 */
export async function findTagged<T extends GraphObject>(api: GraphApi, adAccountId: string, edge: LaunchEdge, tag: string, fields: string[] = []): Promise<T[]> {
  const page = await api.call<{ data?: T[] }>("GET", [adAccountId, edge], {
    fields: ["id", "name", ...fields].join(","),
    filtering: [{ field: "name", operator: "CONTAIN", value: tag }],
    limit: 50,
  });
  return (page.data ?? []).filter((item) => item.name?.includes(tag));
}

export async function createOnAccount(api: GraphApi, adAccountId: string, edge: LaunchEdge, params: Record<string, unknown>): Promise<string> {
  const created = await api.call<{ id: string }>("POST", [adAccountId, edge], params);
  return String(created.id);
}

export async function updateObject(api: GraphApi, id: string, params: Record<string, unknown>): Promise<void> {
  await api.call("POST", [id], params);
}

export async function readObject<T extends GraphObject>(api: GraphApi, id: string, fields: string[]): Promise<T> {
  return api.call<T>("GET", [id], { fields: fields.join(",") });
}

/** Several objects in one call (Graph's `?ids=`), keyed by id. */
export async function readObjects<T extends GraphObject>(api: GraphApi, ids: string[], fields: string[]): Promise<Record<string, T>> {
  if (ids.length === 0) return {};
  return api.call<Record<string, T>>("GET", [], { ids: ids.join(","), fields: fields.join(",") });
}
