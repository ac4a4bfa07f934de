/** What a marketer calls each job. */
const LABELS: Record<string, string> = {
  "insights.sync": "Performance sync",
  "optimizer.daily": "Daily budget optimization",
  "reports.weekly": "Weekly report",
  "meta.token-check": "Meta connection check",
  "meta.token-refresh": "Meta connection refresh",
  "jobs.outbox-flush": "Delivery retry",
  "brand.analyze": "Brand analysis",
  "creative.generate": "Creative generation",
  "campaign.launch": "Campaign launch",
  "campaign.update": "Campaign change",
};

export function jobLabel(kind: string): string {
  return LABELS[kind] ?? kind;
}
