/** The small slice of Redis the app needs, so the in-process default can match it exactly. */
export interface KeyValueStore {
  readonly kind: "upstash-redis" | "in-process";
  /** JSON values in, the same JSON values out. */
  get<T>(key: string): Promise<T | null>;
  /** Returns false only when `ifAbsent` is set and the key already exists. */
  set(key: string, value: unknown, options?: { ttlSeconds?: number; ifAbsent?: boolean }): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** Atomically adds one; the expiry is set when the counter is created. */
  increment(key: string, options?: { ttlSeconds?: number }): Promise<number>;
  ping(): Promise<boolean>;
}

export type RateLimitResult = {
  success: boolean;
  limit: number;
  remaining: number;
  /** Epoch milliseconds when the current window ends. */
  resetAt: number;
  /** Whole seconds a refused caller should wait; 0 when allowed. */
  retryAfterSeconds: number;
};

export interface RateLimiter {
  limit(identifier: string): Promise<RateLimitResult>;
}

export type RateLimitRule = {
  /** Stable name, part of the storage key: "sign-in:ip". */
  name: string;
  limit: number;
  windowSeconds: number;
  /**
   * When the store cannot answer (Redis down or slower than a second): "allow"
   * (the default) keeps the product working for signed-in people, whose costly
   * actions have their own guards (plan quotas, idempotency keys, Meta's limits);
   * "refuse" is for the rules that stand between an attacker and passwords.
   */
  whenStoreFails?: "allow" | "refuse";
};
