import type { CallContext } from "../context";
import { missingPermission, unknownObject } from "../errors";
import type { AdAccountRecord, BudgetHistoryRecord, ConfiguredStatus, StatusChangeRecord } from "../types";

export const READ_SCOPES = ["ads_read", "ads_management"];

/** Reads need ads_read or ads_management; writes need ads_management (Meta's code 200). */
export function requireAdsPermission(ctx: CallContext, write: boolean): void {
  const scopes = ctx.token.scopes;
  if (write ? !scopes.includes("ads_management") : !READ_SCOPES.some((scope) => scopes.includes(scope))) {
    throw missingPermission(write ? "ads_management" : "either ads_management or ads_read");
  }
}

/** The caller's ad account, or the "does not exist" error Meta gives for other people's accounts too. */
export async function ownedAccount(ctx: CallContext, accountId: string): Promise<AdAccountRecord> {
  const account = await ctx.store.get("adAccounts", accountId);
  if (!account || account.ownerUserId !== ctx.user.id) throw unknownObject(`act_${accountId}`, ctx.method);
  return account;
}

/** Budgets and other money amounts are strings of minor units on the wire. */
export const money = (amount: number | null | undefined) => (amount === null || amount === undefined ? undefined : String(amount));

/**
 * effective_status folds in the parents: a paused campaign makes its ad sets
 * CAMPAIGN_PAUSED and its ads CAMPAIGN_PAUSED, a paused ad set its ads ADSET_PAUSED.
 */
export function effectiveStatus(own: ConfiguredStatus, parents: { campaign?: ConfiguredStatus; adSet?: ConfiguredStatus } = {}): string {
  if (own !== "ACTIVE") return own;
  if (parents.campaign && parents.campaign !== "ACTIVE") return parents.campaign === "PAUSED" ? "CAMPAIGN_PAUSED" : parents.campaign;
  if (parents.adSet && parents.adSet !== "ACTIVE") return parents.adSet === "PAUSED" ? "ADSET_PAUSED" : parents.adSet;
  return "ACTIVE";
}

/** Listings hide archived and deleted objects unless effective_status asks for them, as Graph does. */
export function statusExclusion(ctx: CallContext): (row: Record<string, unknown>) => boolean {
  const wanted = ctx.params.list("effective_status");
  if (wanted) return (row) => !wanted.includes(String(row.effective_status));
  return (row) => row.effective_status === "DELETED" || row.effective_status === "ARCHIVED";
}

/** Graph lists ad objects newest first. */
export const newestFirst = <R extends { createdTime: string; id: string }>(records: R[]) =>
  [...records].sort((a, b) => b.createdTime.localeCompare(a.createdTime) || (BigInt(b.id) > BigInt(a.id) ? 1 : -1));

export const nowIso = (ctx: { now: () => Date }) => ctx.now().toISOString();

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

type WithStatusHistory = { status: ConfiguredStatus; createdTime: string; statusHistory?: StatusChangeRecord[] };

/**
 * `record` with `status` applied at `at`, its history extended when the status
 * actually changes. A record stored before histories existed gets its previous
 * status as of creation first, so its past delivery is not rewritten.
 */
export function withStatus<R extends WithStatusHistory>(record: R, status: ConfiguredStatus, at: string): R {
  if (status === record.status) return record;
  const history = record.statusHistory ?? [{ at: record.createdTime, status: record.status }];
  return { ...record, status, statusHistory: [...history, { at, status }] };
}

type WithBudgetHistory = { dailyBudget: number | null; lifetimeBudget: number | null; createdTime: string; budgetHistory?: BudgetHistoryRecord[] };

/** `record` with new budgets set at `at`, recorded in its budget history when they differ. */
export function withBudget<R extends WithBudgetHistory>(record: R, budgets: { dailyBudget: number | null; lifetimeBudget: number | null }, at: string): R {
  if (budgets.dailyBudget === record.dailyBudget && budgets.lifetimeBudget === record.lifetimeBudget) return record;
  const history = record.budgetHistory ?? [{ at: record.createdTime, dailyBudget: record.dailyBudget, lifetimeBudget: record.lifetimeBudget }];
  return { ...record, ...budgets, budgetHistory: [...history, { at, ...budgets }] };
}

/** The history a new object starts with. */
export const initialStatusHistory = (status: ConfiguredStatus, at: string): StatusChangeRecord[] => [{ at, status }];

export const initialBudgetHistory = (dailyBudget: number | null, lifetimeBudget: number | null, at: string): BudgetHistoryRecord[] =>
  dailyBudget === null && lifetimeBudget === null ? [] : [{ at, dailyBudget, lifetimeBudget }];
