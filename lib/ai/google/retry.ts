import "server-only";
import { isAiError } from "../errors";

export type RetryPolicy = { attempts: number; baseDelayMs: number; maxDelayMs: number };

export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 1_000, maxDelayMs: 8_000 };

/** Exponential backoff with "equal jitter": half the step is fixed, half random, never above the cap. */
export function backoffMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(step / 2 + (random() * step) / 2);
}

/**
 * Runs `call` until it succeeds, fails with an error that is not a retryable
 * AiError, or has used `attempts`. A Retry-After hint from Google is honoured up
 * to `maxDelayMs`, so one call never waits unboundedly; the job retries later.
 */
export async function withRetry<T>(call: () => Promise<T>, policy: RetryPolicy, sleep: (ms: number) => Promise<void>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!isAiError(error) || !error.retryable || attempt >= policy.attempts) throw error;
      const hintMs = (error.details?.retryAfterSeconds ?? 0) * 1000;
      await sleep(Math.min(policy.maxDelayMs, Math.max(backoffMs(attempt, policy), hintMs)));
    }
  }
}
