/**
 * Test helpers: a GoogleProvider talking real HTTP, through the real SDK, to a
 * fresh Gen-AI emulator, with a recording fake sleep so retries cost no time.
 */
import { startGenAiEmulator, type EmulatorSettings, type GenAiEmulator } from "@/emulators/google-genai";
import type { BrandContext, SiteExtract } from "../types";
import { GoogleProvider, type GoogleProviderOptions } from "./index";

export const TEST_KEY = "AIzaSy-test-key-0123456789abcdefghijkl";
export const TEST_MODELS = { text: "gemini-3.5-flash", image: "gemini-3.1-flash-image", video: "veo-3.1-fast-generate-preview" };
export const TEST_RETRY = { attempts: 3, baseDelayMs: 1_000, maxDelayMs: 8_000 };

export type Harness = { emulator: GenAiEmulator; provider: GoogleProvider; sleeps: number[]; close(): Promise<void> };

export async function startHarness(options: { emulator?: Partial<EmulatorSettings>; provider?: Partial<GoogleProviderOptions> } = {}): Promise<Harness> {
  const emulator = await startGenAiEmulator({ apiKey: TEST_KEY, ...options.emulator });
  const sleeps: number[] = [];
  const provider = new GoogleProvider({
    apiKey: TEST_KEY,
    baseUrl: emulator.url,
    models: TEST_MODELS,
    retry: TEST_RETRY,
    sleep: async (ms) => void sleeps.push(ms),
    ...options.provider,
  });
  return { emulator, provider, sleeps, close: () => emulator.close() };
}

/** Requests the emulator answered for one route kind. */
export const requestsOf = (emulator: GenAiEmulator, route: string) => emulator.requests.filter((request) => request.route === route);

export const SITE: SiteExtract = {
  url: "https://bluebottle-bakery.example",
  title: "Blue Bottle Bakery | Sourdough in Leith",
  siteName: "Blue Bottle Bakery",
  description: "Slow-fermented sourdough and pastries, baked every morning in Leith.",
  headings: ["Bread worth getting up for", "Our bakers", "Order for pickup"],
  copy: "We bake slow-fermented sourdough every night so it is fresh when we open at 7. Order online and pick up on your way to work.",
  logoCandidates: [],
  themeColor: "#1D4E89",
  palette: [
    { color: "#1d4e89", weight: 0.4 },
    { color: "#F2A541", weight: 0.3 },
    { color: "#eeeeee", weight: 0.2 },
  ],
  fonts: ["Fraunces"],
  language: "en",
};

export const BRAND: BrandContext = {
  name: "Blue Bottle Bakery",
  colors: ["#1d4e89", "#f2a541"],
  fonts: [],
  tone: ["warm", "crafty"],
  audience: "Commuters in Leith who want good bread",
  valuePropositions: ["Baked this morning"],
  wordsToUse: ["sourdough"],
  wordsToAvoid: ["cheap"],
};
