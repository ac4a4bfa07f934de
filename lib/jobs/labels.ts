/** What a marketer calls each job. */
const LABELS: Record<string, string> = {
  "insights.sync": "Performance sync (all accounts)",
  "insights.sync-account": "Performance sync",
  "optimizer.daily": "Daily budget optimization (all users)",
  "optimizer.user": "Daily budget optimization",
  "reports.weekly": "Weekly reports (all users)",
  "reports.weekly-user": "Weekly report",
  "meta.token-check": "Meta connection check",
  "meta.token-refresh": "Meta connection refresh",
  "jobs.outbox-flush": "Delivery retry",
  "ops.alerts": "Operator alerts",
  "brand.analyze": "Brand analysis",
  "creative.generate": "Creative generation",
  "campaign.launch": "Campaign launch",
  "campaign.update": "Campaign change",
};

export function jobLabel(kind: string): string {
  return LABELS[kind] ?? kind;
}
