import type { KeyValueStore, RateLimiter, RateLimitResult, RateLimitRule } from "./types";

type Entry = { value: string; expiresAt: number | null };

/**
 * The embedded default: a Map with Redis's semantics for what the app uses.
 * Values are stored as JSON text so callers never share mutable objects, the
 * same as a round trip through Redis.
 */
export class MemoryStore implements KeyValueStore {
  readonly kind = "in-process" as const;
  private readonly entries = new Map<string, Entry>();
  private writes = 0;

  constructor(private readonly now: () => number = Date.now) {}

  async get<T>(key: string): Promise<T | null> {
    const entry = this.live(key);
    return entry ? (JSON.parse(entry.value) as T) : null;
  }

  async set(key: string, value: unknown, options: { ttlSeconds?: number; ifAbsent?: boolean } = {}): Promise<boolean> {
    if (options.ifAbsent && this.live(key)) return false;
    this.write(key, JSON.stringify(value), options.ttlSeconds);
    return true;
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }

  async increment(key: string, options: { ttlSeconds?: number } = {}): Promise<number> {
    const entry = this.live(key);
    const next = (entry ? Number(JSON.parse(entry.value)) : 0) + 1;
    if (entry) entry.value = JSON.stringify(next);
    else this.write(key, JSON.stringify(next), options.ttlSeconds);
    return next;
  }

  async ping(): Promise<boolean> {
    return true;
  }

  get size(): number {
    return this.entries.size;
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt !== null && entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private write(key: string, value: string, ttlSeconds?: number): void {
    this.entries.set(key, { value, expiresAt: ttlSeconds ? this.now() + ttlSeconds * 1000 : null });
    // Sweep now and then so keys nobody reads again (old rate-limit windows) do not pile up.
    if (++this.writes % 1000 === 0) this.sweep();
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt !== null && entry.expiresAt <= now) this.entries.delete(key);
    }
  }
}

/**
 * Sliding window over two fixed windows, the algorithm @upstash/ratelimit uses:
 * the previous window's count is weighted by how much of it still overlaps.
 */
export class MemoryRateLimiter implements RateLimiter {
  constructor(
    private readonly store: MemoryStore,
    private readonly rule: RateLimitRule,
    private readonly now: () => number = Date.now,
  ) {}

  async limit(identifier: string): Promise<RateLimitResult> {
    const windowMs = this.rule.windowSeconds * 1000;
    const now = this.now();
    const current = Math.floor(now / windowMs);
    const key = (window: number) => `rl:${this.rule.name}:${identifier}:${window}`;
    const currentCount = (await this.store.get<number>(key(current))) ?? 0;
    const previousCount = (await this.store.get<number>(key(current - 1))) ?? 0;
    const overlap = 1 - (now % windowMs) / windowMs;
    const used = Math.floor(previousCount * overlap + currentCount);
    const resetAt = (current + 1) * windowMs;

    if (used >= this.rule.limit) {
      return { success: false, limit: this.rule.limit, remaining: 0, resetAt, retryAfterSeconds: Math.max(1, Math.ceil((resetAt - now) / 1000)) };
    }
    // Kept for two windows: the next window still weighs this one.
    await this.store.increment(key(current), { ttlSeconds: this.rule.windowSeconds * 2 });
    return { success: true, limit: this.rule.limit, remaining: this.rule.limit - used - 1, resetAt, retryAfterSeconds: 0 };
  }
}
