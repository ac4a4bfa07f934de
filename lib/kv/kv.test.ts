import { describe, expect, it } from "vitest";
import { MemoryRateLimiter, MemoryStore } from "./memory-store";

function clock(start = 1_700_000_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("in-process store", () => {
  it("stores JSON values by copy", async () => {
    const store = new MemoryStore();
    const value = { plan: "starter", limits: [1, 2] };
    await store.set("k", value);
    value.limits.push(3);
    expect(await store.get("k")).toEqual({ plan: "starter", limits: [1, 2] });
    expect(await store.get("missing")).toBeNull();
  });

  it("expires keys after their TTL", async () => {
    const time = clock();
    const store = new MemoryStore(time.now);
    await store.set("session", "x", { ttlSeconds: 10 });
    time.advance(9_999);
    expect(await store.get("session")).toBe("x");
    time.advance(1);
    expect(await store.get("session")).toBeNull();
  });

  it("set with ifAbsent only writes once", async () => {
    const store = new MemoryStore();
    expect(await store.set("lock", 1, { ifAbsent: true })).toBe(true);
    expect(await store.set("lock", 2, { ifAbsent: true })).toBe(false);
    expect(await store.get("lock")).toBe(1);
    await store.delete("lock");
    expect(await store.set("lock", 3, { ifAbsent: true })).toBe(true);
  });

  it("increments atomically and keeps the first expiry", async () => {
    const time = clock();
    const store = new MemoryStore(time.now);
    const counts = await Promise.all(Array.from({ length: 50 }, () => store.increment("n", { ttlSeconds: 60 })));
    expect(counts.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    time.advance(60_000);
    expect(await store.increment("n", { ttlSeconds: 60 })).toBe(1);
  });

  it("sweeps expired keys so old windows do not pile up", async () => {
    const time = clock();
    const store = new MemoryStore(time.now);
    for (let i = 0; i < 999; i++) await store.set(`old:${i}`, i, { ttlSeconds: 1 });
    time.advance(2_000);
    await store.set("fresh", 1);
    expect(store.size).toBe(1);
  });
});

describe("sliding-window rate limiter", () => {
  it("allows the limit, refuses the next, and says how long to wait", async () => {
    const time = clock(1_700_000_000_000 - (1_700_000_000_000 % 60_000));
    const store = new MemoryStore(time.now);
    const limiter = new MemoryRateLimiter(store, { name: "t", limit: 3, windowSeconds: 60 }, time.now);
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await limiter.limit("1.2.3.4"));
    expect(results.map((r) => r.success)).toEqual([true, true, true, false]);
    expect(results.map((r) => r.remaining)).toEqual([2, 1, 0, 0]);
    expect(results[3]!.retryAfterSeconds).toBe(60);
    // Other identifiers have their own budget.
    expect((await limiter.limit("5.6.7.8")).success).toBe(true);
  });

  it("weights the previous window so a burst at a boundary cannot double the rate", async () => {
    const windowStart = 1_700_000_000_000 - (1_700_000_000_000 % 60_000);
    const time = clock(windowStart + 50_000);
    const store = new MemoryStore(time.now);
    const limiter = new MemoryRateLimiter(store, { name: "t", limit: 10, windowSeconds: 60 }, time.now);
    for (let i = 0; i < 10; i++) expect((await limiter.limit("ip")).success).toBe(true);
    const successesOf10 = async () => {
      let allowed = 0;
      for (let i = 0; i < 10; i++) if ((await limiter.limit("ip")).success) allowed++;
      return allowed;
    };
    // 5 s into the next window 55/60 of the previous 10 still count: floor(9.17) = 9 used.
    time.advance(15_000);
    expect(await successesOf10()).toBe(1);
    // 35 s in, 25/60 of them count: floor(4.17 + 1) = 5 used, so 5 more fit.
    time.advance(30_000);
    expect(await successesOf10()).toBe(5);
    // A full window later everything has drained.
    time.advance(120_000);
    expect((await limiter.limit("ip")).remaining).toBe(9);
  });
});
