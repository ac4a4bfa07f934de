import type { Campaign } from "@/db/schema";
import type { DraftAd } from "@/lib/campaigns/drafts";
import type { Estimate } from "@/lib/campaigns/estimates";
import type { LaunchProblem } from "@/lib/campaigns/launch-problems";
import { PLACEMENTS, type PlacementId } from "@/lib/campaigns/placements";
import { PURPOSES } from "@/lib/campaigns/purposes";
import { formatMoney } from "@/lib/money";
import { fileUrl } from "@/lib/storage/keys";

const number = (value: number) => Math.round(value).toLocaleString("en-US");

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-0.5 sm:grid-cols-[10rem_1fr]">
      <dt className="text-muted-foreground text-sm">{label}</dt>
      <dd className="text-sm">{children}</dd>
    </div>
  );
}

/** Everything the launch will create on Meta, what is still missing, and an honest range of results. */
export function ReviewSummary({ campaign, ads, problems, estimate, days }: { campaign: Campaign; ads: DraftAd[]; problems: LaunchProblem[]; estimate: Estimate | null; days: number }) {
  const spec = PURPOSES[campaign.purpose];
  const audience = campaign.audience;
  const budget = campaign.draft.budget;
  return (
    <div className="grid gap-6">
      {problems.length > 0 && (
        <ul className="border-destructive/50 grid gap-2 rounded-lg border p-4 text-sm" role="alert" data-testid="launch-problems">
          {problems.map((problem) => (
            <li key={`${problem.step}-${problem.message}`}>
              <a href={`/campaigns/${campaign.id}/edit/${problem.step}`} className="text-destructive font-medium underline">
                {problem.message}
              </a>
              {problem.fix && <span className="text-muted-foreground block text-xs">{problem.fix}</span>}
            </li>
          ))}
        </ul>
      )}
      <dl className="grid gap-3">
        <Row label="On Meta">
          1 campaign ({spec.objective}), 1 ad set optimising for {spec.optimizationGoal.toLowerCase().replaceAll("_", " ")}, {ads.length} creative{ads.length === 1 ? "" : "s"} and {ads.length} ad
          {ads.length === 1 ? "" : "s"} on ad account {campaign.adAccountId}
        </Row>
        {audience && (
          <Row label="Audience">
            {audience.countries.join(", ")} · ages {audience.ageMin}–{audience.ageMax} · {audience.genders.length === 1 ? audience.genders[0] : "everyone"}
            {audience.customAudienceIds.length ? ` · ${audience.customAudienceIds.length} custom audience(s)` : ""}
            {audience.advantageAudience ? " · Advantage+ audience" : ""} ·{" "}
            {audience.placements.length ? audience.placements.map((placement) => PLACEMENTS[placement as PlacementId]?.label ?? placement).join(", ") : "Advantage+ placements"}
          </Row>
        )}
        {budget && (
          <Row label="Budget">
            {formatMoney(budget.amount, campaign.currency)} {budget.kind === "daily" ? "per day" : "in total"} ({budget.level === "campaign" ? "Advantage campaign budget" : "ad set budget"})
            {budget.startTime ? ` from ${new Date(budget.startTime).toUTCString().slice(0, 22)} UTC` : " from launch"}
            {budget.endTime ? ` until ${new Date(budget.endTime).toUTCString().slice(0, 22)} UTC` : ", no end date"}
          </Row>
        )}
        <Row label="Ads">
          <div className="flex flex-wrap gap-2">
            {ads.map((ad) => (
              <div key={ad.id} className="w-40 text-xs">
                {/* eslint-disable-next-line @next/next/no-img-element -- owner-only file route */}
                <img src={ad.asset.thumbnailKey ? fileUrl(ad.asset.thumbnailKey) : ad.asset.fileUrl} alt="" className="bg-muted mb-1 aspect-square w-full rounded border object-contain" />
                <span className="block font-medium">{ad.headline}</span>
                <span className="text-muted-foreground line-clamp-2">{ad.primaryText}</span>
              </div>
            ))}
          </div>
        </Row>
      </dl>
      {estimate && (
        <section className="bg-muted/40 rounded-lg border p-4 text-sm" aria-labelledby="estimate-heading" data-testid="estimate">
          <h2 id="estimate-heading" className="font-medium">
            Estimate for {budget?.kind === "daily" ? `the first ${days} days` : "the whole run"} ({estimate.basis === "history" ? "from this ad account's past results" : "from typical results for this goal"})
          </h2>
          <p className="text-muted-foreground mt-1">
            Reach {number(estimate.reach.low)}–{number(estimate.reach.high)} people · {number(estimate.clicks.low)}–{number(estimate.clicks.high)} clicks
            {estimate.conversions && estimate.resultName ? ` · ${number(estimate.conversions.low)}–${number(estimate.conversions.high)} ${estimate.resultName}` : ""}
            {estimate.cpa && estimate.resultName ? ` · ${formatMoney(estimate.cpa.low, campaign.currency)}–${formatMoney(estimate.cpa.high, campaign.currency)} per result` : ""}. An estimate, not a promise.
          </p>
        </section>
      )}
    </div>
  );
}
