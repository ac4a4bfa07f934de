import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { AudienceStep } from "@/components/campaigns/audience-step";
import { BudgetStep } from "@/components/campaigns/budget-step";
import { CreativesStep } from "@/components/campaigns/creatives-step";
import { GenerateForCampaign } from "@/components/campaigns/generate-for-campaign";
import { PurposeStep } from "@/components/campaigns/purpose-step";
import { ReviewStep } from "@/components/campaigns/review-step";
import { ReviewSummary } from "@/components/campaigns/review-summary";
import { PreflightList } from "@/components/campaigns/preflight-list";
import { WizardSteps } from "@/components/campaigns/wizard-steps";
import { PageHeader } from "@/components/common/page-header";
import { Card, CardContent } from "@/components/ui/card";
import type { CampaignAudience, CampaignPurpose } from "@/db/schema";
import { getSessionUser } from "@/lib/auth/session";
import { getBrandProfile } from "@/lib/brand/profile";
import { accountHistory } from "@/lib/campaigns/account-history";
import { adAccountOptions } from "@/lib/campaigns/ad-account-options";
import { minimumDailyBudget, scheduleDays } from "@/lib/campaigns/budget-rules";
import { getDraft, WIZARD_STEPS, type WizardStep } from "@/lib/campaigns/drafts";
import { estimateResults } from "@/lib/campaigns/estimates";
import { launchProblems } from "@/lib/campaigns/launch-problems";
import { formatsFor, PLACEMENTS, type PlacementId } from "@/lib/campaigns/placements";
import { preflightChecks } from "@/lib/campaigns/preflight";
import { PURPOSES } from "@/lib/campaigns/purposes";
import { recentAssets } from "@/lib/creatives/library";
import { CTA_LABELS } from "@/lib/creatives/call-to-action";
import { formatMoney, toDecimalString } from "@/lib/money";
import { fileUrl } from "@/lib/storage/keys";

export const metadata: Metadata = { title: "Campaign builder" };

const DESCRIPTIONS: Record<WizardStep, string> = {
  purpose: "Step 1 of 5: the goal, and what it needs on Meta.",
  audience: "Step 2 of 5: who sees the ads.",
  budget: "Step 3 of 5: how much, and when.",
  creatives: "Step 4 of 5: the ads themselves.",
  review: "Step 5 of 5: check everything, then launch.",
};

function defaultAudience(purpose: CampaignPurpose): CampaignAudience {
  return { countries: ["US"], ageMin: 18, ageMax: 65, genders: [], placements: [], customAudienceIds: [], excludedAudienceIds: [], advantageAudience: purpose !== "retargeting" };
}

export default async function CampaignStepPage({ params }: { params: Promise<{ id: string; step: string }> }) {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?callbackUrl=%2Fcampaigns");
  const { id, step: rawStep } = await params;
  const step = z.enum(WIZARD_STEPS as [WizardStep, ...WizardStep[]]).safeParse(rawStep);
  const draft = z.uuid().safeParse(id).success ? await getDraft(user.id, id) : null;
  if (!draft || !step.success) notFound();
  const { campaign, ads } = draft;
  if (campaign.launchState === "launching" || campaign.launchState === "launched") redirect(`/campaigns/${campaign.id}`);
  const reached = campaign.draft.step;
  if (WIZARD_STEPS.indexOf(step.data) > WIZARD_STEPS.indexOf(reached)) redirect(`/campaigns/${campaign.id}/edit/${reached}`);
  const spec = PURPOSES[campaign.purpose];
  const preflight =
    step.data === "purpose" || step.data === "audience"
      ? await preflightChecks(user.id, { metaAccountId: campaign.metaAccountId, adAccountId: campaign.adAccountId ?? "", purpose: campaign.purpose, promoted: campaign.promoted })
      : null;
  const setup = preflight?.found ? preflight.setup : null;

  let body: React.ReactNode;
  switch (step.data) {
    case "purpose": {
      const accounts = await adAccountOptions(user.id);
      body = (
        <div className="grid gap-6">
          {preflight?.found ? (
            <PreflightList checks={preflight.checks} />
          ) : (
            <p className="text-destructive text-sm" role="alert">
              This campaign&apos;s ad account is no longer connected. Choose another one below, or reconnect it in Settings.
            </p>
          )}
          <PurposeStep
            campaignId={campaign.id}
            initial={{ name: campaign.name, purpose: campaign.purpose, account: `${campaign.adAccountId}|${campaign.metaAccountId}`, ...campaign.promoted }}
            accounts={accounts.map((account) => ({ value: `${account.adAccountId}|${account.metaAccountId}`, label: `${account.name} (${account.currency})${account.sandbox ? " · sandbox" : ""}` }))}
            purposes={(Object.keys(PURPOSES) as CampaignPurpose[]).map((value) => ({ value, label: PURPOSES[value].label, description: PURPOSES[value].description }))}
            pages={setup?.pages ?? []}
            pixels={setup?.pixels ?? []}
            requirements={Object.fromEntries(
              (Object.keys(PURPOSES) as CampaignPurpose[]).map((purpose) => [purpose, [...PURPOSES[purpose].requires, ...(PURPOSES[purpose].optional.length ? ["place_page_set"] : [])]]),
            )}
          />
        </div>
      );
      break;
    }
    case "audience":
      body = (
        <AudienceStep
          campaignId={campaign.id}
          initial={campaign.audience ?? defaultAudience(campaign.purpose)}
          placements={(Object.keys(PLACEMENTS) as PlacementId[]).map((placement) => ({ id: placement, label: PLACEMENTS[placement].label }))}
          audiences={(setup?.customAudiences ?? []).map((audience) => ({ id: audience.id, label: audience.name }))}
        />
      );
      break;
    case "budget": {
      const budget = campaign.draft.budget;
      body = (
        <BudgetStep
          campaignId={campaign.id}
          currency={campaign.currency}
          minimum={formatMoney(minimumDailyBudget(campaign.currency), campaign.currency)}
          initial={{
            kind: budget?.kind ?? "daily",
            amount: budget ? toDecimalString(budget.amount, campaign.currency) : "",
            level: budget?.level ?? "campaign",
            startTime: budget?.startTime,
            endTime: budget?.endTime,
          }}
        />
      );
      break;
    }
    case "creatives": {
      const [library, brand] = await Promise.all([recentAssets(user.id, 60), getBrandProfile(user.id)]);
      const placements = (campaign.audience?.placements ?? []) as PlacementId[];
      const formats = placements.length ? [...new Set(placements.flatMap((placement) => formatsFor(placement)))] : ["1:1", "4:5", "9:16", "16:9"];
      body = (
        <div className="grid gap-6">
        <GenerateForCampaign campaignId={campaign.id} defaultPrompt={campaign.name} />
        <CreativesStep
          campaignId={campaign.id}
          assets={library.map((asset) => ({
            id: asset.id,
            thumbnailUrl: asset.thumbnailKey ? fileUrl(asset.thumbnailKey) : asset.fileUrl,
            format: asset.format,
            type: asset.assetType,
            suggestion: { primaryText: asset.metadata.primaryText ?? "", headline: asset.metadata.headline ?? "", description: asset.metadata.description ?? "" },
          }))}
          initial={ads.map((ad) => ({ assetId: ad.assetId, primaryText: ad.primaryText, headline: ad.headline, description: ad.description, callToAction: ad.callToAction, link: ad.link }))}
          callToActions={Object.entries(CTA_LABELS).map(([value, label]) => ({ value, label }))}
          defaults={{ callToAction: spec.defaultCallToAction, link: brand?.websiteUrl?.startsWith("https://") ? brand.websiteUrl : "" }}
          formatHint={`your placements take ${formats.join(", ")}`}
        />
        </div>
      );
      break;
    }
    case "review": {
      // The review form itself chooses how to launch, so its own field is not a problem here.
      const problems = ((await launchProblems(user.id, campaign.id)) ?? []).filter((problem) => problem.step !== "review");
      const budget = campaign.draft.budget;
      const days = budget?.endTime ? scheduleDays(budget.startTime ? new Date(budget.startTime) : new Date(), new Date(budget.endTime)) : 7;
      const history = campaign.adAccountId ? await accountHistory(user.id, { adAccountId: campaign.adAccountId, purpose: campaign.purpose, currency: campaign.currency }) : null;
      const estimate = budget ? estimateResults({ purpose: campaign.purpose, budget: { amount: budget.amount, kind: budget.kind, days }, currency: campaign.currency, history }) : null;
      body = (
        <div className="grid gap-6">
          <ReviewSummary campaign={campaign} ads={ads} problems={problems} estimate={estimate} days={days} />
          <ReviewStep campaignId={campaign.id} launchAs={campaign.draft.launchAs ?? "ACTIVE"} blocked={problems.length > 0} />
        </div>
      );
      break;
    }
  }

  return (
    <>
      <PageHeader title={campaign.name} description={DESCRIPTIONS[step.data]} />
      <WizardSteps campaignId={campaign.id} current={step.data} reached={reached} />
      {campaign.launchState === "failed" && campaign.launchError && (
        <p className="border-destructive/50 text-destructive mb-4 rounded-lg border p-3 text-sm" role="alert">
          The launch stopped: {campaign.launchError} Fix it here, then resume from the campaign page.
        </p>
      )}
      <Card>
        <CardContent>{body}</CardContent>
      </Card>
    </>
  );
}
