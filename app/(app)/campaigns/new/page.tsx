import { Link2 } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { NewCampaignForm } from "@/components/campaigns/new-campaign-form";
import { EmptyState } from "@/components/common/empty-state";
import { PageHeader } from "@/components/common/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import type { CampaignPurpose } from "@/db/schema";
import { getSessionUser } from "@/lib/auth/session";
import { adAccountOptions } from "@/lib/campaigns/ad-account-options";
import { PURPOSES } from "@/lib/campaigns/purposes";

export const metadata: Metadata = { title: "New campaign" };

export default async function NewCampaignPage() {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?callbackUrl=%2Fcampaigns%2Fnew");
  const accounts = await adAccountOptions(user.id);
  return (
    <>
      <PageHeader title="New campaign" description="Step 1 of 5: the goal. You can save and come back at every step." />
      {accounts.length === 0 ? (
        <EmptyState
          icon={Link2}
          title="Connect an ad account first"
          action={
            <Button asChild>
              <Link href="/settings#meta">Connect Meta</Link>
            </Button>
          }
        >
          Campaigns run on one of your Meta ad accounts. Connect Meta in Settings and choose which ad accounts AdPilot manages.
        </EmptyState>
      ) : (
        <Card>
          <CardContent>
            <NewCampaignForm
              accounts={accounts.map((account) => ({
                value: `${account.adAccountId}|${account.metaAccountId}`,
                label: `${account.name} (${account.currency})${account.sandbox ? " · sandbox" : ""}`,
              }))}
              purposes={(Object.keys(PURPOSES) as CampaignPurpose[]).map((value) => ({ value, label: PURPOSES[value].label, description: PURPOSES[value].description }))}
            />
          </CardContent>
        </Card>
      )}
    </>
  );
}
