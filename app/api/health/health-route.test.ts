import { describe, expect, it } from "vitest";
import { GET } from "./route";

describe("GET /api/health", () => {
  it("reports the database as reachable and which implementation each part uses, without secrets", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.status).toBe("ok");
    expect(body.checks.database.ok).toBe(true);
    expect(body.checks.kv.ok).toBe(true);
    expect(body.parts).toEqual({
      database: process.env.DATABASE_URL ? "postgres" : "pglite",
      kv: process.env.UPSTASH_REDIS_REST_URL ? "upstash-redis" : "in-process",
      storage: "local-files",
      jobs: "local-dispatcher",
      meta: "sandbox",
      ai: "offline",
      secrets: "generated-local",
      email: "off",
    });
    expect(JSON.stringify(body)).not.toMatch(/postgres:\/\/|token|secret=/i);
  });
});
