import { Ratelimit } from "@upstash/ratelimit";
import type { Redis } from "@upstash/redis";
import { logger } from "@/lib/observability/logger";
import type { KeyValueStore, RateLimiter, RateLimitResult, RateLimitRule } from "./types";

// INCR and EXPIRE in one round trip, the expiry set only when the counter is new.
const INCREMENT_SCRIPT = `
local value = redis.call("INCR", KEYS[1])
if value == 1 and tonumber(ARGV[1]) > 0 then redis.call("EXPIRE", KEYS[1], ARGV[1]) end
return value`;

/** Production: Upstash Redis over its REST API. */
export class UpstashStore implements KeyValueStore {
  readonly kind = "upstash-redis" as const;

  constructor(readonly redis: Redis) {}

  async get<T>(key: string): Promise<T | null> {
    return (await this.redis.get<T>(key)) ?? null;
  }

  async set(key: string, value: unknown, options: { ttlSeconds?: number; ifAbsent?: boolean } = {}): Promise<boolean> {
    const result = options.ttlSeconds
      ? options.ifAbsent
        ? await this.redis.set(key, value, { ex: options.ttlSeconds, nx: true })
        : await this.redis.set(key, value, { ex: options.ttlSeconds })
      : options.ifAbsent
        ? await this.redis.set(key, value, { nx: true })
        : await this.redis.set(key, value);
    return result === "OK";
  }

  async delete(key: string): Promise<void> {
    await this.redis.del(key);
  }

  async increment(key: string, options: { ttlSeconds?: number } = {}): Promise<number> {
    return Number(await this.redis.eval(INCREMENT_SCRIPT, [key], [String(options.ttlSeconds ?? 0)]));
  }

  async ping(): Promise<boolean> {
    return (await this.redis.ping()) === "PONG";
  }
}

export class UpstashRateLimiter implements RateLimiter {
  private readonly ratelimit: Ratelimit;

  constructor(redis: Redis, private readonly rule: RateLimitRule) {
    this.ratelimit = new Ratelimit({
      redis,
      limiter: Ratelimit.slidingWindow(rule.limit, `${rule.windowSeconds} s`),
      prefix: `rl:${rule.name}`,
      // Refusals are cached per instance so a flood does not become a flood of Redis calls;
      // bounded, because the SDK forgets an entry only when its identifier comes back.
      ephemeralCache: new BoundedMap(REFUSAL_CACHE_ENTRIES),
      // The SDK answers "allowed" after this long; we then apply the rule's own choice.
      timeout: STORE_TIMEOUT_MS,
    });
  }

  async limit(identifier: string): Promise<RateLimitResult> {
    let result: Awaited<ReturnType<Ratelimit["limit"]>>;
    try {
      result = await this.ratelimit.limit(identifier);
      // The SDK starts an analytics write we do not use; never leave it dangling.
      await result.pending;
    } catch (error) {
      return this.storeFailed(error);
    }
    if (result.reason === "timeout") return this.storeFailed(new Error(`rate limit store slower than ${STORE_TIMEOUT_MS} ms`));
    const now = Date.now();
    return {
      success: result.success,
      limit: result.limit,
      remaining: Math.max(0, result.remaining),
      resetAt: result.reset,
      retryAfterSeconds: result.success ? 0 : Math.max(1, Math.ceil((result.reset - now) / 1000)),
    };
  }

  private storeFailed(error: unknown): RateLimitResult {
    const refuse = this.rule.whenStoreFails === "refuse";
    logger.warn("rate limit store unavailable", { rule: this.rule.name, decision: refuse ? "refused" : "allowed", error });
    const resetAt = Date.now() + STORE_RETRY_SECONDS * 1000;
    return refuse
      ? { success: false, limit: this.rule.limit, remaining: 0, resetAt, retryAfterSeconds: STORE_RETRY_SECONDS }
      : { success: true, limit: this.rule.limit, remaining: 0, resetAt, retryAfterSeconds: 0 };
  }
}

const STORE_TIMEOUT_MS = 1000;
const REFUSAL_CACHE_ENTRIES = 10_000;

/** A Map that starts over when full: an attacker rotating addresses cannot grow it without end. */
export class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly maxEntries: number) {
    super();
  }

  override set(key: K, value: V): this {
    if (!this.has(key) && this.size >= this.maxEntries) this.clear();
    return super.set(key, value);
  }
}
/** What a refused caller is told to wait while the store is down. */
const STORE_RETRY_SECONDS = 30;
