import "server-only";
import { z } from "zod";
import { db } from "@/db";
import { brandProfiles, type BrandSourceSnapshot } from "@/db/schema";
import { aiFor } from "@/lib/ai";
import { isAiError } from "@/lib/ai/errors";
import type { BrandAnalysis, SiteExtract } from "@/lib/ai/types";
import { recordAudit } from "@/lib/audit";
import { defineJob } from "@/lib/jobs/define-job";
import { PermanentJobError } from "@/lib/jobs/errors";
import { SafeFetchError } from "@/lib/web";
import { fetchSite } from "./fetch-site";
import { assignPaletteRoles } from "./palette-roles";
import { getBrandProfile } from "./profile";
import { copyLogo } from "./store-logo";

function snapshotOf(site: SiteExtract, provider: string): BrandSourceSnapshot {
  return {
    url: site.url,
    title: site.title,
    description: site.description,
    headings: site.headings.slice(0, 10),
    ogImage: site.ogImage,
    logoCandidates: site.logoCandidates,
    themeColor: site.themeColor,
    palette: site.palette,
    fonts: site.fonts,
    provider,
  };
}

/**
 * Website → brand kit: fetch the page (SSRF-safe), read it, let the provider
 * write the voice, copy the logo into our storage, then save. A re-analysis
 * replaces what the analyzer owns and keeps what only a person writes (notes,
 * do's and don'ts).
 */
export const brandAnalyze = defineJob({
  name: "brand.analyze",
  schema: z.object({ url: z.url() }),
  async run({ payload, userId, step, progress }) {
    if (!userId) throw new PermanentJobError("Brand analysis needs a user.");
    const ai = aiFor(userId);

    await progress(10, "Reading your website");
    const site = await step("fetch", async (): Promise<SiteExtract> => {
      try {
        return await fetchSite(payload.url);
      } catch (error) {
        if (error instanceof SafeFetchError) throw new PermanentJobError(error.userMessage);
        throw error;
      }
    });

    await progress(45, `Working out your brand voice (${ai.provider === "google" ? "Gemini" : "offline analyzer"})`);
    const analysis = await step("analyze", async (): Promise<BrandAnalysis> => {
      try {
        return await ai.analyzeBrand(site);
      } catch (error) {
        if (isAiError(error) && !error.retryable) throw new PermanentJobError(error.message);
        throw error;
      }
    });

    await progress(75, "Copying your logo");
    const logo = await step("logo", () => copyLogo(userId, site.logoCandidates));

    await progress(90, "Saving your brand kit");
    await step("save", async () => {
      await db.transaction(async (tx) => {
        const before = await getBrandProfile(userId, tx);
        const palette = assignPaletteRoles([...analysis.colors, ...site.palette.map((entry) => entry.color)]);
        const values = {
          websiteUrl: site.url,
          name: analysis.name.slice(0, 120),
          brandVoice: {
            summary: analysis.summary,
            tone: analysis.tone,
            audience: analysis.audience,
            valuePropositions: analysis.valuePropositions,
            wordsToUse: analysis.wordsToUse,
            wordsToAvoid: analysis.wordsToAvoid,
          },
          colorPalette: palette,
          guidelines: { ...before?.guidelines, fonts: site.fonts },
          // No usable logo this time keeps the one the user has (maybe uploaded by hand).
          ...(logo ? { logoKey: logo.logoKey, logoUrl: logo.logoUrl } : {}),
          source: snapshotOf(site, ai.provider),
          lastAnalysis: new Date(),
        };
        await tx.insert(brandProfiles).values({ userId, ...values }).onConflictDoUpdate({ target: brandProfiles.userId, set: values });
        await recordAudit(tx, {
          userId,
          action: before ? "brand.reanalyze" : "brand.analyze",
          entityType: "brand_profile",
          entityId: userId,
          before: before ? { name: before.name, voice: before.brandVoice, palette: before.colorPalette } : null,
          after: { name: values.name, voice: values.brandVoice, palette: values.colorPalette },
        });
      });
    });
    await progress(100, "Brand kit ready");
    return { name: analysis.name };
  },
});
