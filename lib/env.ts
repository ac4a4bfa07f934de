import { z } from "zod";

/**
 * The one place that reads process.env. Everything else imports `env` (or the
 * derived `deployment`) from here, so a missing or malformed variable fails at
 * start-up with one readable message instead of deep inside a request.
 */

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const optionalUrl = optionalString.pipe(z.url().optional());

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** "production" makes every embedded default an error; Vercel sets VERCEL=1. */
  APP_ENV: z.enum(["local", "production"]).optional(),
  VERCEL: optionalString,
  /** Public origin of the app, used in links we send out (OAuth redirects, emails). */
  APP_URL: z.url().default("http://localhost:3000"),
  /** Where embedded defaults keep their files: PGlite, local blobs, generated secrets. */
  DATA_DIR: z.string().default(".data"),
  /** Overrides the PGlite location; tests use "memory://". */
  PGLITE_DATA_DIR: optionalString,
  AUTH_SECRET: optionalString.pipe(z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional()),
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// connection string")
      .optional(),
  ),
  UPSTASH_REDIS_REST_URL: optionalUrl,
  UPSTASH_REDIS_REST_TOKEN: optionalString,
  BLOB_READ_WRITE_TOKEN: optionalString,
  /** "id:base64key,id:base64key"; the first key encrypts, all of them decrypt. */
  ENCRYPTION_KEYS: optionalString,
  /** QStash: publishes job deliveries and runs schedules in production. */
  QSTASH_TOKEN: optionalString,
  /** QStash API base; set for a regional endpoint (or an emulator in tests). */
  QSTASH_URL: optionalUrl,
  QSTASH_CURRENT_SIGNING_KEY: optionalString,
  QSTASH_NEXT_SIGNING_KEY: optionalString,
  /** Meta app (developers.facebook.com). Without them AdPilot connects to its built-in sandbox. */
  META_APP_ID: optionalString,
  META_APP_SECRET: optionalString,
  /** "1" keeps the sandbox on even with a Meta app configured (demos, staging). */
  META_SANDBOX: z.enum(["0", "1", "true", "false"]).optional(),
  /** Overrides graph.facebook.com (tests point the SDK at the emulator). */
  META_GRAPH_URL: optionalUrl,
  /** "google" (Gemini and Veo) or "offline" (rendered on this machine); defaults to google when a key is set. */
  AI_PROVIDER: z.enum(["google", "offline"]).optional(),
  /** Gemini Developer API key (aistudio.google.com). */
  GOOGLE_API_KEY: optionalString,
  /** Overrides generativelanguage.googleapis.com (tests point the SDK at the emulator). */
  GOOGLE_GENAI_BASE_URL: optionalUrl,
  /** Model ids live here and nowhere else; the defaults are current as of late 2026. */
  AI_TEXT_MODEL: z.string().default("gemini-3.5-flash"),
  AI_IMAGE_MODEL: z.string().default("gemini-3.1-flash-image"),
  AI_VIDEO_MODEL: z.string().default("veo-3.1-fast-generate-preview"),
  /**
   * "127.0.0.1:4000,localhost:4001": exact host:port pairs on a private network the
   * brand analyzer may fetch anyway. For local demos and the end-to-end tests only;
   * refused in production.
   */
  SAFE_FETCH_ALLOWLIST: optionalString,
  /** Days of insights re-pulled on every sync: Meta keeps attributing conversions to past days (1-90). */
  INSIGHTS_LOOKBACK_DAYS: z.coerce.number().int().min(1).max(90).default(28),
  /** "smtp://user:pass@smtp.example.com:587" (or smtps://): weekly reports are emailed only when set. */
  SMTP_URL: optionalString.pipe(z.string().regex(/^smtps?:\/\//, "SMTP_URL must start with smtp:// or smtps://").optional()),
  /** The From address of AdPilot's emails, e.g. "AdPilot <reports@example.com>". */
  EMAIL_FROM: z.string().default("AdPilot <reports@adpilot.local>"),
  /** Slack-compatible incoming webhook for operator alerts (job error rate over 1%, a job kind failing repeatedly). */
  ALERT_WEBHOOK_URL: optionalUrl,
  /** Bearer token for GET /api/metrics (Prometheus); without it the endpoint does not exist. */
  METRICS_TOKEN: optionalString.pipe(z.string().min(24, "METRICS_TOKEN must be at least 24 characters").optional()),
  /** Set by Next.js during `next build`; no background workers start then. */
  NEXT_PHASE: optionalString,
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
});

export type Env = z.infer<typeof schema> & {
  /** True when the app must not fall back to any embedded default. */
  strict: boolean;
};

export class EnvError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Pure so it can be tested with any input; `env` below is it applied to process.env. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    throw new EnvError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  const values = parsed.data;
  const strict = values.APP_ENV === "production" || values.VERCEL === "1";
  const problems: string[] = [];

  if (Boolean(values.UPSTASH_REDIS_REST_URL) !== Boolean(values.UPSTASH_REDIS_REST_TOKEN)) {
    problems.push("UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN must be set together");
  }
  if (Boolean(values.META_APP_ID) !== Boolean(values.META_APP_SECRET)) {
    problems.push("META_APP_ID and META_APP_SECRET must be set together");
  }
  if (values.QSTASH_TOKEN && !(values.QSTASH_CURRENT_SIGNING_KEY && values.QSTASH_NEXT_SIGNING_KEY)) {
    problems.push("QSTASH_TOKEN needs QSTASH_CURRENT_SIGNING_KEY and QSTASH_NEXT_SIGNING_KEY to verify deliveries");
  }
  if (values.AI_PROVIDER === "google" && !values.GOOGLE_API_KEY) {
    problems.push("AI_PROVIDER=google needs GOOGLE_API_KEY");
  }
  if (strict) {
    // In production there is no disk to fall back on and no generated secret to trust.
    const required = [
      "AUTH_SECRET",
      "DATABASE_URL",
      "UPSTASH_REDIS_REST_URL",
      "UPSTASH_REDIS_REST_TOKEN",
      "BLOB_READ_WRITE_TOKEN",
      "ENCRYPTION_KEYS",
      "QSTASH_TOKEN",
    ] as const;
    for (const name of required) {
      if (!values[name]) problems.push(`${name} is required in production`);
    }
    if (values.SAFE_FETCH_ALLOWLIST) problems.push("SAFE_FETCH_ALLOWLIST must not be set in production");
    // Offline creatives are a deliberate choice in production, never a silent fallback.
    if (!values.GOOGLE_API_KEY && values.AI_PROVIDER !== "offline") {
      problems.push("GOOGLE_API_KEY is required in production (or set AI_PROVIDER=offline to render creatives on the server)");
    }
    // Has a localhost default for development; in production QStash calls it and signatures are bound to it.
    if (!source.APP_URL) problems.push("APP_URL is required in production (the public https:// address)");
  }
  if (problems.length > 0) throw new EnvError(problems);
  return { ...values, strict };
}

export const env: Env = parseEnv(process.env);

export type PartName = "database" | "kv" | "storage" | "jobs" | "meta" | "ai" | "secrets" | "email";

/** Which implementation each external part uses: shown by /api/health and the README. */
export const deployment = {
  database: env.DATABASE_URL ? "postgres" : "pglite",
  kv: env.UPSTASH_REDIS_REST_URL ? "upstash-redis" : "in-process",
  storage: env.BLOB_READ_WRITE_TOKEN ? "vercel-blob" : "local-files",
  jobs: env.QSTASH_TOKEN ? "qstash" : "local-dispatcher",
  meta: env.META_APP_ID && !["1", "true"].includes(env.META_SANDBOX ?? "") ? "facebook" : "sandbox",
  ai: (env.AI_PROVIDER ?? (env.GOOGLE_API_KEY ? "google" : "offline")) as "google" | "offline",
  secrets: env.ENCRYPTION_KEYS && env.AUTH_SECRET ? "environment" : "generated-local",
  // No email is a normal setup: reports are still made and shown in the app.
  email: env.SMTP_URL ? "smtp" : "off",
} as const satisfies Record<PartName, string>;
