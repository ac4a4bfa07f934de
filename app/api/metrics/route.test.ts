import { describe, expect, it, vi } from "vitest";
import "@/lib/jobs/catalog";
import { startJob } from "@/lib/jobs/start-job";
import { executeRun } from "@/lib/jobs/execute-run";
import { fourSteps } from "@/tests/support/test-jobs";

const settings = vi.hoisted(() => ({ token: undefined as string | undefined }));
vi.mock("@/lib/env", async (original) => {
  const actual = await original<typeof import("@/lib/env")>();
  return { ...actual, env: new Proxy(actual.env, { get: (target, key) => (key === "METRICS_TOKEN" ? settings.token : Reflect.get(target, key)) }) };
});
const { GET } = await import("./route");

const TOKEN = "metrics-token-0123456789abcdef";
const scrape = (authorization?: string) => GET(new Request("http://127.0.0.1/api/metrics", { headers: authorization ? { authorization } : {} }));

describe("GET /api/metrics", () => {
  it("does not exist until a token is configured, then needs exactly that bearer token", async () => {
    settings.token = undefined;
    expect((await scrape(`Bearer ${TOKEN}`)).status).toBe(404);
    settings.token = TOKEN;
    expect((await scrape()).status).toBe(401);
    expect((await scrape(`Bearer ${TOKEN}x`)).status).toBe(401);
    expect((await scrape(`Basic ${TOKEN}`)).status).toBe(401);
    expect((await scrape(`Bearer ${TOKEN}`)).status).toBe(200);
  });

  it("counts job deliveries by job and outcome, with their durations", async () => {
    settings.token = TOKEN;
    const { run } = await startJob(fourSteps, {}, { idempotencyKey: crypto.randomUUID() });
    expect((await executeRun(run.id, 0)).kind).toBe("succeeded");
    const text = await (await scrape(`Bearer ${TOKEN}`)).text();
    // Label order is the library's; match the labels wherever they sit.
    const succeeded = /adpilot_job_deliveries_total\{(?=[^}]*job="test\.four-steps")(?=[^}]*outcome="succeeded")[^}]*\} (\d+)/;
    expect(Number(succeeded.exec(text)?.[1])).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/adpilot_job_delivery_seconds_count\{[^}]*job="test\.four-steps"[^}]*\} [1-9]/);
    // A delivery of a finished run did no work and is not counted as one.
    const before = Number(succeeded.exec(text)![1]);
    expect((await executeRun(run.id, 0)).kind).toBe("skipped");
    const after = await (await scrape(`Bearer ${TOKEN}`)).text();
    expect(Number(succeeded.exec(after)![1])).toBe(before);
    expect(after).not.toContain('outcome="skipped"');
  });
});
