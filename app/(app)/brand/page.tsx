import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AnalyzeForm } from "@/components/brand/analyze-form";
import { BrandKitForm, type BrandKitValues } from "@/components/brand/brand-kit-form";
import { LogoForm } from "@/components/brand/logo-form";
import { PaletteSwatches } from "@/components/brand/palette-swatches";
import { PageHeader } from "@/components/common/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { BrandProfile } from "@/db/schema";
import { getSessionUser } from "@/lib/auth/session";
import { getBrandProfile } from "@/lib/brand/profile";

export const metadata: Metadata = { title: "Brand" };

function formValuesOf(profile: BrandProfile | null): BrandKitValues {
  const voice = profile?.brandVoice ?? {};
  const palette = profile?.colorPalette ?? {};
  const guidelines = profile?.guidelines ?? {};
  return {
    websiteUrl: profile?.websiteUrl ?? "",
    name: profile?.name ?? "",
    summary: voice.summary ?? "",
    audience: voice.audience ?? "",
    tone: (voice.tone ?? []).join(", "),
    valuePropositions: (voice.valuePropositions ?? []).join("\n"),
    wordsToUse: (voice.wordsToUse ?? []).join(", "),
    wordsToAvoid: (voice.wordsToAvoid ?? []).join(", "),
    fonts: (guidelines.fonts ?? []).join(", "),
    dos: (guidelines.dos ?? []).join("\n"),
    donts: (guidelines.donts ?? []).join("\n"),
    notes: guidelines.notes ?? "",
    primary: palette.primary ?? "",
    secondary: palette.secondary ?? "",
    accent: palette.accent ?? "",
    background: palette.background ?? "",
    text: palette.text ?? "",
  };
}

export default async function BrandPage() {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?callbackUrl=%2Fbrand");
  const profile = await getBrandProfile(user.id);

  if (!profile) {
    return (
      <>
        <PageHeader title="Brand" description="Your colours, logo and voice, used in every creative." />
        <div className="grid gap-6 lg:grid-cols-[1fr_1fr]">
          <Card>
            <CardHeader>
              <CardTitle>Start from your website</CardTitle>
              <CardDescription>
                AdPilot reads your homepage (and its stylesheets) and drafts a brand kit: name, tone of voice, audience, value
                propositions, colours, fonts and logo. You can change all of it afterwards.
              </CardDescription>
            </CardHeader>
            <CardContent>
              <AnalyzeForm />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Or fill it in yourself</CardTitle>
              <CardDescription>No website yet? Describe the brand by hand.</CardDescription>
            </CardHeader>
            <CardContent>
              <BrandKitForm initial={formValuesOf(null)} />
            </CardContent>
          </Card>
        </div>
      </>
    );
  }

  const analyzed = profile.lastAnalysis
    ? `Analyzed from ${profile.source?.url ?? profile.websiteUrl} on ${profile.lastAnalysis.toLocaleDateString("en", { dateStyle: "medium" })}${profile.source?.provider === "offline" ? " by the offline analyzer" : profile.source?.provider === "google" ? " with Gemini" : ""}.`
    : "Written by hand.";
  return (
    <>
      <PageHeader title={profile.name ?? "Brand"} description={analyzed} />
      <div className="grid gap-6 lg:grid-cols-[20rem_1fr]">
        <div className="grid content-start gap-6">
          <Card>
            <CardHeader>
              <CardTitle>Logo and colours</CardTitle>
            </CardHeader>
            <CardContent className="grid gap-5">
              <LogoForm logoUrl={profile.logoUrl} brandName={profile.name ?? "Brand"} />
              <PaletteSwatches palette={profile.colorPalette} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Re-analyze</CardTitle>
              <CardDescription>Replaces the voice, colours, fonts and logo; keeps your rules and notes.</CardDescription>
            </CardHeader>
            <CardContent>
              <AnalyzeForm defaultUrl={profile.websiteUrl ?? undefined} compact />
            </CardContent>
          </Card>
        </div>
        <Card>
          <CardHeader>
            <CardTitle>Brand kit</CardTitle>
            <CardDescription>The Creative Studio uses these words and colours when &ldquo;Use brand kit&rdquo; is on.</CardDescription>
          </CardHeader>
          <CardContent>
            <BrandKitForm key={profile.lastAnalysis?.toISOString() ?? "manual"} initial={formValuesOf(profile)} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
