/**
 * Runs the real @upstash/redis and @upstash/ratelimit clients against the
 * bridge, which forwards to a real Redis. Needs REDIS_URL, e.g.
 *   REDIS_URL=redis://127.0.0.1:6379 npx vitest run emulators/upstash-redis
 */
import { createHash, randomUUID } from "node:crypto";
import { Ratelimit } from "@upstash/ratelimit";
import { Redis } from "@upstash/redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startUpstashBridge, type UpstashBridge } from "./index";

const redisUrl = process.env.REDIS_URL;

describe.skipIf(!redisUrl)("upstash redis bridge", () => {
  // Unique per run so parallel runs and leftovers never collide.
  const prefix = `test:upstash-bridge:${randomUUID()}:`;
  const key = (name: string) => `${prefix}${name}`;
  let bridge: UpstashBridge;
  let redis: Redis;

  beforeAll(async () => {
    bridge = await startUpstashBridge({ redisUrl: redisUrl ?? "" });
    redis = new Redis({ url: bridge.url, token: bridge.token, enableTelemetry: false });
  });

  afterAll(async () => {
    if (!bridge) return;
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, { match: `${prefix}*`, count: 1000 });
      if (keys.length > 0) await redis.del(...keys);
      cursor = String(next);
    } while (cursor !== "0");
    await bridge.close();
  });

  it("round-trips JSON objects and unicode strings", async () => {
    const value = { name: "héllo ✓", count: 3, nested: { ok: true } };
    expect(await redis.set(key("json"), value)).toBe("OK");
    expect(await redis.get(key("json"))).toEqual(value);

    await redis.set(key("text"), "plain text ✓");
    expect(await redis.get<string>(key("text"))).toBe("plain text ✓");
    expect(await redis.get(key("missing"))).toBeNull();
  });

  it("works without base64 response encoding too", async () => {
    const plain = new Redis({ url: bridge.url, token: bridge.token, responseEncoding: false, enableTelemetry: false });
    await plain.set(key("plain"), "ünïcode");
    expect(await plain.get(key("plain"))).toBe("ünïcode");
    expect(await plain.mget(key("plain"), key("missing"))).toEqual(["ünïcode", null]);
  });

  it("supports SET with nx and ex", async () => {
    expect(await redis.set(key("nx"), "first", { nx: true, ex: 10 })).toBe("OK");
    expect(await redis.set(key("nx"), "second", { nx: true, ex: 10 })).toBeNull();
    expect(await redis.get(key("nx"))).toBe("first");
    const ttl = await redis.ttl(key("nx"));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(10);
  });

  it("supports INCR and DEL", async () => {
    expect(await redis.incr(key("counter"))).toBe(1);
    expect(await redis.incr(key("counter"))).toBe(2);
    expect(await redis.incrby(key("counter"), 5)).toBe(7);
    await redis.set(key("other"), "x");
    expect(await redis.del(key("counter"), key("other"))).toBe(2);
    expect(await redis.exists(key("counter"), key("other"))).toBe(0);
  });

  it("surfaces Redis errors as client errors", async () => {
    await redis.set(key("str"), "not a number");
    await expect(redis.incr(key("str"))).rejects.toThrow(/not an integer/);
  });

  it("runs Lua scripts with EVAL, EVALSHA and SCRIPT LOAD", async () => {
    const script = "return {KEYS[1], ARGV[1], tonumber(ARGV[2]) + 1}";
    expect(await redis.eval(script, [key("lua")], ["hello", "41"])).toEqual([key("lua"), "hello", 42]);

    const sha = await redis.scriptLoad(script);
    expect(await redis.evalsha(sha, [key("lua")], ["again", "1"])).toEqual([key("lua"), "again", 2]);
    await expect(redis.eval("return redis.call('NOPE')", [], [])).rejects.toThrow(/Unknown Redis command|unknown command/i);
  });

  it("accepts Upstash-only shebang flags and keeps the client's script SHA", async () => {
    const script = "#!lua flags=allow-key-locking\nreturn redis.call('INCR', KEYS[1])";
    expect(await redis.eval(script, [key("flagged")], [])).toBe(1);

    const expectedSha = createHash("sha1").update(script).digest("hex");
    expect(await redis.scriptLoad(script)).toBe(expectedSha);
    expect(await redis.evalsha(expectedSha, [key("flagged")], [])).toBe(2);
    expect(await redis.scriptExists(expectedSha)).toEqual([1]);
  });

  it("executes pipelines in order and reports per-command errors", async () => {
    const results = await redis
      .pipeline()
      .set(key("p"), 1)
      .incr(key("p"))
      .get(key("p"))
      .hset(key("h"), { field: "value" })
      .hgetall(key("h"))
      .exec();
    expect(results).toEqual(["OK", 2, 2, 1, { field: "value" }]);

    const withError = await redis
      .pipeline()
      .set(key("p-str"), "abc")
      .incr(key("p-str"))
      .get(key("p-str"))
      .exec({ keepErrors: true });
    expect(withError[0]).toMatchObject({ result: "OK" });
    expect(withError[1]?.error).toMatch(/not an integer/);
    expect(withError[2]).toMatchObject({ result: "abc" });
  });

  it("executes MULTI/EXEC transactions", async () => {
    const results = await redis.multi().set(key("m"), 10).incrby(key("m"), 5).get(key("m")).exec();
    expect(results).toEqual(["OK", 15, 15]);
  });

  it("rejects requests with a wrong or missing token", async () => {
    const intruder = new Redis({ url: bridge.url, token: "wrong-token", retry: false, enableTelemetry: false });
    await expect(intruder.get(key("json"))).rejects.toThrow(/Unauthorized/);

    const response = await fetch(bridge.url, { method: "POST", body: JSON.stringify(["PING"]) });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "Unauthorized" });
  });

  it("backs @upstash/ratelimit sliding windows", async () => {
    const ratelimit = new Ratelimit({
      redis,
      limiter: Ratelimit.slidingWindow(3, "10 s"),
      prefix: key("ratelimit"),
      // Force every call through Redis instead of the in-memory block cache.
      ephemeralCache: false,
    });
    const user = "user-1";
    const outcomes: boolean[] = [];
    for (let i = 0; i < 4; i++) outcomes.push((await ratelimit.limit(user)).success);
    expect(outcomes).toEqual([true, true, true, false]);

    // A different identifier has its own window.
    expect((await ratelimit.limit("user-2")).success).toBe(true);
  });
});
