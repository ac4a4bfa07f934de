import "server-only";
import { Redis } from "@upstash/redis";
import { env } from "@/lib/env";
import { MemoryRateLimiter, MemoryStore } from "./memory-store";
import type { KeyValueStore, RateLimiter, RateLimitRule } from "./types";
import { UpstashRateLimiter, UpstashStore } from "./upstash-store";

export type { KeyValueStore, RateLimiter, RateLimitResult, RateLimitRule } from "./types";

// One store per process, shared by every route bundle and kept across dev reloads.
const globalCache = globalThis as typeof globalThis & { __adpilotKv?: KeyValueStore };

export function kv(): KeyValueStore {
  globalCache.__adpilotKv ??= env.UPSTASH_REDIS_REST_URL
    ? new UpstashStore(new Redis({ url: env.UPSTASH_REDIS_REST_URL, token: env.UPSTASH_REDIS_REST_TOKEN! }))
    : new MemoryStore();
  return globalCache.__adpilotKv;
}

const limiters = new WeakMap<KeyValueStore, Map<string, RateLimiter>>();

/** A limiter for one rule on whichever store is configured; one per rule, so its refusal cache is shared. */
export function rateLimiter(rule: RateLimitRule): RateLimiter {
  const store = kv();
  const id = `${rule.name}|${rule.limit}|${rule.windowSeconds}|${rule.whenStoreFails ?? "allow"}`;
  const forStore = limiters.get(store) ?? new Map<string, RateLimiter>();
  limiters.set(store, forStore);
  let limiter = forStore.get(id);
  if (!limiter) {
    limiter = store instanceof UpstashStore ? new UpstashRateLimiter(store.redis, rule) : new MemoryRateLimiter(store as MemoryStore, rule);
    forStore.set(id, limiter);
  }
  return limiter;
}
