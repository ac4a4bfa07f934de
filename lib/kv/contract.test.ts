import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { kv, rateLimiter } from "./index";

// The same behaviour from whichever store is configured: in-process by default,
// Upstash Redis (through the REST bridge to a real Redis) when CI sets REDIS_URL.
const expectedKind = process.env.UPSTASH_REDIS_REST_URL ? "upstash-redis" : "in-process";
const key = (name: string) => `test:${randomUUID()}:${name}`;

describe(`key-value store (${expectedKind})`, () => {
  it("is the configured implementation and answers ping", async () => {
    expect(kv().kind).toBe(expectedKind);
    expect(await kv().ping()).toBe(true);
  });

  it("round-trips JSON values", async () => {
    const k = key("json");
    const value = { tier: "starter", limits: [60, 5], nested: { ok: true }, text: "ünïcødé" };
    await kv().set(k, value);
    expect(await kv().get(k)).toEqual(value);
    await kv().delete(k);
    expect(await kv().get(k)).toBeNull();
  });

  it("writes ifAbsent once", async () => {
    const k = key("lock");
    expect(await kv().set(k, "first", { ifAbsent: true, ttlSeconds: 30 })).toBe(true);
    expect(await kv().set(k, "second", { ifAbsent: true, ttlSeconds: 30 })).toBe(false);
    expect(await kv().get(k)).toBe("first");
  });

  it("expires values after their TTL", async () => {
    const k = key("ttl");
    await kv().set(k, 1, { ttlSeconds: 1 });
    expect(await kv().get(k)).toBe(1);
    await sleep(2_100);
    expect(await kv().get(k)).toBeNull();
  });

  it("increments atomically under concurrency", async () => {
    const k = key("counter");
    const results = await Promise.all(Array.from({ length: 20 }, () => kv().increment(k, { ttlSeconds: 30 })));
    expect([...results].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });
});

describe(`rate limiter (${expectedKind})`, () => {
  it("allows the limit, then refuses with a wait, per identifier", async () => {
    const limiter = rateLimiter({ name: `test-${randomUUID()}`, limit: 3, windowSeconds: 60 });
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await limiter.limit("203.0.113.7"));
    expect(results.map((result) => result.success)).toEqual([true, true, true, false]);
    expect(results[0]!.remaining).toBe(2);
    expect(results[3]!.retryAfterSeconds).toBeGreaterThan(0);
    expect(results[3]!.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect((await limiter.limit("198.51.100.1")).success).toBe(true);
  });
});
