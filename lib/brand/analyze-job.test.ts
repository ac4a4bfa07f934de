import { readFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { aiUsage, auditLog, brandProfiles, jobRuns } from "@/db/schema";
import { setAiProviderForTests } from "@/lib/ai";
import { startHarness, type Harness } from "@/lib/ai/google/test-support";
import { env } from "@/lib/env";
import "@/lib/jobs/catalog";
import { executeRun } from "@/lib/jobs/execute-run";
import { readBytes, storage } from "@/lib/storage";
import { serve } from "@/tests/support/serve";
import { actAs, createUser } from "@/tests/support/tenancy";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
const { analyzeBrandAction, saveBrandAction } = await import("@/app/(app)/brand/actions");

const BAKERY = readFileSync(path.join(import.meta.dirname, "fixtures/bakery.html"), "utf8");
const LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="80"><rect width="320" height="80" rx="12" fill="#7b2d26"/><circle cx="40" cy="40" r="24" fill="#f4a259"/></svg>`;

const closers: Array<() => Promise<void>> = [];
let harness: Harness | undefined;
beforeEach(() => {
  env.SAFE_FETCH_ALLOWLIST = undefined;
});
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
  setAiProviderForTests(undefined);
  await harness?.close();
  harness = undefined;
  env.SAFE_FETCH_ALLOWLIST = undefined;
});

/** The fixture bakery site on a loopback port the analyzer is allowed to reach (and nothing else is). */
async function bakerySite() {
  const server = await serve(async (request) => {
    const { pathname } = new URL(request.url);
    if (pathname === "/") return new Response(BAKERY, { headers: { "content-type": "text/html; charset=utf-8" } });
    if (pathname === "/img/sweet-crumbs-logo.svg") return new Response(LOGO_SVG, { headers: { "content-type": "image/svg+xml" } });
    return new Response("not found", { status: 404 });
  });
  closers.push(server.close);
  env.SAFE_FETCH_ALLOWLIST = new URL(server.url).host;
  return server;
}

const formData = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
};

async function analyze(url: string) {
  const state = await analyzeBrandAction({ status: "idle" }, formData({ url }));
  expect(state.runId).toBeTruthy();
  return { state, outcome: await executeRun(state.runId!, 0) };
}

describe("brand analyzer", () => {
  it("turns a website into a brand kit with its palette, voice and a stored copy of its logo", async () => {
    const user = await createUser();
    actAs(user);
    const site = await bakerySite();
    const { outcome } = await analyze(site.url);
    expect(outcome).toEqual({ kind: "succeeded" });

    const [profile] = await db.select().from(brandProfiles).where(eq(brandProfiles.userId, user.id));
    expect(profile!.name).toBe("Sweet Crumbs Bakery");
    expect(profile!.brandVoice.tone!.length).toBeGreaterThan(0);
    expect(profile!.brandVoice.audience).toBeTruthy();
    expect(profile!.colorPalette.primary).toMatch(/^#[0-9a-f]{6}$/);
    expect(profile!.source).toMatchObject({ provider: "offline", url: `${site.url}/` });
    const logo = await readBytes(storage(), profile!.logoKey!);
    expect((await sharp(logo!).metadata()).format).toBe("png");
    expect(await db.select().from(auditLog).where(eq(auditLog.userId, user.id))).toEqual([expect.objectContaining({ action: "brand.analyze" })]);
  });

  it("keeps the rules a person wrote when the site is analyzed again", async () => {
    const user = await createUser();
    actAs(user);
    const site = await bakerySite();
    await analyze(site.url);
    const saved = await saveBrandAction(
      { status: "idle" },
      formData({ websiteUrl: site.url, name: "Sweet Crumbs", tone: "warm, local", dos: "Show real bakers", notes: "Never discount croissants", primary: "#AA3322" }),
    );
    expect(saved.status).toBe("idle");
    await analyze(site.url);
    const [profile] = await db.select().from(brandProfiles).where(eq(brandProfiles.userId, user.id));
    expect(profile!.guidelines).toMatchObject({ dos: ["Show real bakers"], notes: "Never discount croissants" });
    expect(profile!.name).toBe("Sweet Crumbs Bakery");
  });

  it.each([
    ["http://127.0.0.1:9/", /private network/],
    ["http://10.0.0.5/", /private network/],
    ["http://169.254.169.254/latest/meta-data/", /private network/],
    ["http://[::ffff:127.0.0.1]/", /private network/],
  ])("refuses %s with a message the marketer can read", async (url, message) => {
    const user = await createUser();
    actAs(user);
    const { outcome } = await analyze(url);
    expect(outcome).toMatchObject({ kind: "failed", reason: expect.stringMatching(message) });
    expect(await db.select().from(brandProfiles).where(eq(brandProfiles.userId, user.id))).toHaveLength(0);
  });

  it("checks the address before starting anything", async () => {
    const user = await createUser();
    actAs(user);
    for (const [url, message] of [
      ["", /Enter your website/],
      ["ftp://example.com/", /Only http/],
      ["not a site", /does not look like a web address|full domain/],
    ] as const) {
      const state = await analyzeBrandAction({ status: "idle" }, formData({ url }));
      expect(state.fieldErrors?.url).toMatch(message);
    }
    expect(await db.select().from(jobRuns).where(eq(jobRuns.userId, user.id))).toHaveLength(0);
    actAs(null);
    expect((await analyzeBrandAction({ status: "idle" }, formData({ url: "https://example.com" }))).message).toMatch(/session/);
  });

  it("asks Gemini for the voice when Google is the provider, and meters the call", async () => {
    harness = await startHarness();
    setAiProviderForTests(harness.provider);
    const user = await createUser();
    actAs(user);
    const site = await bakerySite();
    expect((await analyze(site.url)).outcome).toEqual({ kind: "succeeded" });
    const [profile] = await db.select().from(brandProfiles).where(eq(brandProfiles.userId, user.id));
    expect(profile!.source!.provider).toBe("google");
    expect(harness.emulator.requests.filter((r) => r.route === "text")).toHaveLength(1);
    const [usage] = await db.select().from(aiUsage).where(eq(aiUsage.userId, user.id));
    expect(usage).toMatchObject({ provider: "google", operation: "analyze_brand", outcome: "ok" });
    expect(usage!.inputTokens).toBeGreaterThan(0);
  });
});
