/**
 * Meta's usage headers, read from every response (success or error) so callers
 * can slow down before Meta blocks them. Percentages are 0-100+.
 */
export type MetaUsage = {
  appPct: number;
  /** Highest utilisation per ad account id (without "act_"). */
  accountPct: Record<string, number>;
  /** Seconds until access returns, when Meta says so. */
  regainSeconds: number;
};

function json<T>(raw: string | null | undefined): T | undefined {
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return undefined;
  }
}

export function readUsage(headers: Headers): MetaUsage {
  const app = json<{ call_count?: number; total_time?: number; total_cputime?: number }>(headers.get("x-app-usage"));
  const account = json<{ acc_id_util_pct?: number }>(headers.get("x-ad-account-usage"));
  // Sent on insights calls: the insights quota of the app and of the account called.
  const insights = json<{ app_id_util_pct?: number; acc_id_util_pct?: number }>(headers.get("x-fb-ads-insights-throttle"));
  const buc = json<Record<string, Array<{ call_count?: number; total_time?: number; total_cputime?: number; estimated_time_to_regain_access?: number }>>>(
    headers.get("x-business-use-case-usage"),
  );
  const accountPct: Record<string, number> = {};
  let regainMinutes = 0;
  for (const [id, entries] of Object.entries(buc ?? {})) {
    for (const entry of entries) {
      accountPct[id] = Math.max(accountPct[id] ?? 0, entry.call_count ?? 0, entry.total_time ?? 0, entry.total_cputime ?? 0);
      regainMinutes = Math.max(regainMinutes, entry.estimated_time_to_regain_access ?? 0);
    }
  }
  return {
    appPct: Math.max(
      app?.call_count ?? 0,
      app?.total_time ?? 0,
      app?.total_cputime ?? 0,
      account?.acc_id_util_pct ?? 0,
      insights?.app_id_util_pct ?? 0,
      insights?.acc_id_util_pct ?? 0,
    ),
    accountPct,
    regainSeconds: regainMinutes * 60,
  };
}

/**
 * How long to pause work on an account before its next call: nothing under 85%,
 * at least 2 minutes from 85%, at least 10 from 95%, always honouring Meta's own estimate.
 */
export function pauseSeconds(usage: MetaUsage, accountId?: string): number {
  const pct = Math.max(usage.appPct, accountId ? (usage.accountPct[accountId] ?? 0) : Math.max(0, ...Object.values(usage.accountPct)));
  if (pct >= 95) return Math.max(600, usage.regainSeconds);
  if (pct >= 85) return Math.max(120, usage.regainSeconds);
  return usage.regainSeconds;
}
