import { Redis } from "@upstash/redis";
import { describe, expect, it } from "vitest";
import { serve } from "@/tests/support/serve";
import { UpstashRateLimiter } from "./upstash-store";

const rule = { name: "test:store-failure", limit: 5, windowSeconds: 60 };

describe("rate limits when Redis fails", () => {
  it("let signed-in work through by default, and refuse sign-in rules, within about a second", async () => {
    // Accepts the connection and never answers: Redis hung, not merely down.
    const hung = await serve(() => new Promise<Response>(() => {}));
    const redis = new Redis({ url: hung.url, token: "test", retry: false });
    const started = Date.now();
    const [allowed, refused] = await Promise.all([
      new UpstashRateLimiter(redis, rule).limit("user-1"),
      new UpstashRateLimiter(redis, { ...rule, whenStoreFails: "refuse" }).limit("user-1"),
    ]);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(allowed.success).toBe(true);
    expect(refused).toMatchObject({ success: false, retryAfterSeconds: 30 });
    await hung.close();
  });

  it("apply the same choice when Redis refuses the connection", async () => {
    const redis = new Redis({ url: "http://127.0.0.1:9", token: "test", retry: false });
    expect((await new UpstashRateLimiter(redis, rule).limit("user-2")).success).toBe(true);
    expect((await new UpstashRateLimiter(redis, { ...rule, whenStoreFails: "refuse" }).limit("user-2")).success).toBe(false);
  });
});

describe("the refusal cache", () => {
  it("never holds more than its bound", async () => {
    const { BoundedMap } = await import("./upstash-store");
    const cache = new BoundedMap<string, number>(3);
    for (let i = 0; i < 10; i++) cache.set(`ip-${i}`, i);
    expect(cache.size).toBeLessThanOrEqual(3);
    expect(cache.get("ip-9")).toBe(9);
  });
});
