import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

const production = {
  APP_ENV: "production",
  AUTH_SECRET: "x".repeat(40),
  DATABASE_URL: "postgres://app@db.example.com:5432/adpilot",
  UPSTASH_REDIS_REST_URL: "https://eu1-example.upstash.io",
  UPSTASH_REDIS_REST_TOKEN: "token",
  BLOB_READ_WRITE_TOKEN: "vercel_blob_rw_x",
  ENCRYPTION_KEYS: "k1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
  QSTASH_TOKEN: "qstash-token",
  QSTASH_CURRENT_SIGNING_KEY: "sig_current",
  QSTASH_NEXT_SIGNING_KEY: "sig_next",
  APP_URL: "https://ads.example.com",
  GOOGLE_API_KEY: "AIza-example",
};

describe("environment", () => {
  it("needs nothing for the embedded default", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ strict: false, DATA_DIR: ".data", APP_URL: "http://localhost:3000", LOG_LEVEL: "info" });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", UPSTASH_REDIS_REST_URL: " " }).DATABASE_URL).toBeUndefined();
  });

  it("accepts a complete production configuration", () => {
    expect(parseEnv(production).strict).toBe(true);
    expect(parseEnv({ ...production, APP_ENV: undefined, VERCEL: "1" }).strict).toBe(true);
  });

  it("lists every missing production variable in one error", () => {
    try {
      parseEnv({ APP_ENV: "production", DATABASE_URL: production.DATABASE_URL });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      expect((error as EnvError).problems).toEqual([
        "AUTH_SECRET is required in production",
        "UPSTASH_REDIS_REST_URL is required in production",
        "UPSTASH_REDIS_REST_TOKEN is required in production",
        "BLOB_READ_WRITE_TOKEN is required in production",
        "ENCRYPTION_KEYS is required in production",
        "QSTASH_TOKEN is required in production",
        "GOOGLE_API_KEY is required in production (or set AI_PROVIDER=offline to render creatives on the server)",
        "APP_URL is required in production (the public https:// address)",
      ]);
    }
  });

  it("runs offline AI in production only when asked to", () => {
    expect(() => parseEnv({ ...production, GOOGLE_API_KEY: undefined })).toThrow(/GOOGLE_API_KEY is required in production/);
    expect(parseEnv({ ...production, GOOGLE_API_KEY: undefined, AI_PROVIDER: "offline" }).strict).toBe(true);
    expect(() => parseEnv({ AI_PROVIDER: "google" })).toThrow(/AI_PROVIDER=google needs GOOGLE_API_KEY/);
    expect(parseEnv({}).AI_IMAGE_MODEL).toBe("gemini-3.1-flash-image");
  });

  it("rejects malformed values with the variable's name and never echoes secrets", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL: DATABASE_URL must be a postgres:\/\/ connection string/);
    expect(() => parseEnv({ AUTH_SECRET: "short-secret-value" })).toThrow(/AUTH_SECRET: AUTH_SECRET must be at least 32 characters/);
    expect(() => parseEnv({ AUTH_SECRET: "short-secret-value" })).not.toThrow(/short-secret-value/);
    expect(() => parseEnv({ UPSTASH_REDIS_REST_URL: "https://x.upstash.io" })).toThrow(/must be set together/);
    expect(() => parseEnv({ LOG_LEVEL: "verbose" })).toThrow(/LOG_LEVEL/);
    expect(() => parseEnv({ QSTASH_TOKEN: "t" })).toThrow(/QSTASH_CURRENT_SIGNING_KEY and QSTASH_NEXT_SIGNING_KEY/);
  });
});
