import { describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { jobRuns } from "@/db/schema";
import { kv } from "@/lib/kv";
import { serve } from "@/tests/support/serve";

const settings = vi.hoisted(() => ({ webhook: undefined as string | undefined }));
vi.mock("@/lib/env", async (original) => {
  const actual = await original<typeof import("@/lib/env")>();
  return { ...actual, env: new Proxy(actual.env, { get: (target, key) => (key === "ALERT_WEBHOOK_URL" ? settings.webhook : Reflect.get(target, key)) }) };
});
const { currentAlerts, sendAlerts } = await import("./alerts");

const finished = (kind: string, status: "failed" | "succeeded", secondsAgo = 10) => ({
  kind,
  idempotencyKey: crypto.randomUUID(),
  payload: {},
  status,
  finishedAt: new Date(Date.now() - secondsAgo * 1000),
});

describe("operator alerts", () => {
  it("flags a job kind whose last three runs failed, not one that recovered", async () => {
    const broken = `test.broken-${crypto.randomUUID().slice(0, 6)}`;
    const flaky = `test.flaky-${crypto.randomUUID().slice(0, 6)}`;
    await db.insert(jobRuns).values([finished(broken, "failed", 30), finished(broken, "failed", 20), finished(broken, "failed", 10)]);
    await db.insert(jobRuns).values([finished(flaky, "failed", 30), finished(flaky, "failed", 20), finished(flaky, "succeeded", 10)]);
    const keys = (await currentAlerts()).map((alert) => alert.key);
    expect(keys).toContain(`failing:${broken}`);
    expect(keys).not.toContain(`failing:${flaky}`);
  });

  it("flags a server error rate over 1% among this instance's recent requests", async () => {
    const { recordRequest } = await import("@/lib/observability/request-stats");
    const at = Date.now();
    for (let i = 0; i < 98; i++) recordRequest({ at, route: "/dashboard", method: "GET", status: 200, ms: 20 });
    expect((await currentAlerts()).map((alert) => alert.key)).not.toContain("http-error-rate");
    for (let i = 0; i < 2; i++) recordRequest({ at, route: "/api/assets", method: "POST", status: 500, ms: 20 });
    const alert = (await currentAlerts()).find((candidate) => candidate.key === "http-error-rate");
    expect(alert?.text).toBe("2 of 100 requests failed with a server error in the last 5 minutes (2.0%).");
  });

  it("posts each alert to the webhook once per 30 minutes, and retries after a refused post", async () => {
    const broken = `test.down-${crypto.randomUUID().slice(0, 6)}`;
    await db.insert(jobRuns).values([finished(broken, "failed", 30), finished(broken, "failed", 20), finished(broken, "failed", 10)]);
    const received: string[] = [];
    let refuse = 1;
    const sink = await serve(async (request) => {
      if (refuse-- > 0) return new Response("busy", { status: 503 });
      received.push(((await request.json()) as { text: string }).text);
      return new Response("ok");
    });
    try {
      settings.webhook = `${sink.url}/hook`;
      await expect(sendAlerts()).rejects.toThrow(/503/);
      expect(await kv().get(`ops:alert:failing:${broken}`)).toBeNull();
      expect((await sendAlerts()).sent).toContain(`failing:${broken}`);
      expect((await sendAlerts()).sent).not.toContain(`failing:${broken}`);
      expect(received.filter((text) => text.includes(broken))).toEqual([`AdPilot: The last 3 runs of ${broken} failed.`]);
      settings.webhook = undefined;
      expect((await sendAlerts()).sent).toEqual([]);
    } finally {
      settings.webhook = undefined;
      await sink.close();
    }
  });

  it("retries an alert whose webhook could not be reached at all", async () => {
    const broken = `test.unreachable-${crypto.randomUUID().slice(0, 6)}`;
    await db.insert(jobRuns).values([finished(broken, "failed", 30), finished(broken, "failed", 20), finished(broken, "failed", 10)]);
    const sink = await serve(async () => new Response("ok"));
    try {
      settings.webhook = "http://127.0.0.1:9/hook";
      await expect(sendAlerts()).rejects.toThrow();
      expect(await kv().get(`ops:alert:failing:${broken}`)).toBeNull();
      settings.webhook = `${sink.url}/hook`;
      expect((await sendAlerts()).sent).toContain(`failing:${broken}`);
    } finally {
      settings.webhook = undefined;
      await sink.close();
    }
  });
});
