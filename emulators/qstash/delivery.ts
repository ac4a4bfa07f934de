/** One delivery attempt of a message to its destination, and QStash's retry policy. */
import { signDelivery } from "./sign";
import type { DeliveryAttempt, EmulatedMessage } from "./types";

/** Internal form: keeps the original bytes so binary bodies are delivered (and hashed) untouched. */
export type StoredMessage = EmulatedMessage & { rawBody: Buffer };

const DELIVERY_TIMEOUT_MS = 15_000;
const MAX_BACKOFF_SECONDS = 86_400;

/** QStash's documented default backoff: min(1 day, e^(2.5·n)) seconds after the n-th failure (≈12s, 2.5min, 30min…). */
export function retryBackoffMs(retried: number): number {
  return Math.min(MAX_BACKOFF_SECONDS, Math.exp(2.5 * retried)) * 1000;
}

export function isDue(message: StoredMessage, now: Date): boolean {
  return (message.state === "CREATED" || message.state === "RETRY") && message.nextDeliveryAt.getTime() <= now.getTime();
}

/**
 * Sends the message once and moves it to DELIVERED, RETRY or FAILED.
 * `now` is the emulated clock that decides the next retry time; the JWT is
 * still signed with the real clock, because the Receiver checks `nbf`/`exp`
 * against the real time and a token "from the future" would be rejected.
 */
export async function attemptDelivery(message: StoredMessage, signingKey: string, now: Date): Promise<void> {
  message.state = "ACTIVE";
  const retried = message.retried;
  const headers: Record<string, string> = {
    ...message.headers,
    "user-agent": "Upstash-QStash",
    "upstash-signature": signDelivery({ key: signingKey, url: message.url, body: message.rawBody }),
    "upstash-message-id": message.messageId,
    "upstash-retried": String(retried),
  };
  if (message.scheduleId) headers["upstash-schedule-id"] = message.scheduleId;

  const attempt: DeliveryAttempt = { at: new Date(), retried };
  let nonRetryable = false;
  try {
    const response = await fetch(message.url, {
      method: message.method,
      headers,
      // A copy: fetch's BodyInit wants a plain ArrayBuffer-backed view, not a pooled Buffer.
      body: message.method === "GET" ? undefined : new Uint8Array(message.rawBody),
      // QStash treats a redirect as a non-2xx answer rather than following it.
      redirect: "manual",
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    attempt.status = response.status;
    // QStash's opt-out of retries: 489 + `Upstash-NonRetryable-Error: true` goes straight to the DLQ.
    nonRetryable = response.status === 489 && response.headers.get("upstash-nonretryable-error") === "true";
    // Drain so the connection is released before the test closes its server.
    await response.arrayBuffer().catch(() => undefined);
  } catch (error) {
    attempt.error = error instanceof Error ? error.message : String(error);
  }
  message.attempts.push(attempt);

  if (attempt.status !== undefined && attempt.status >= 200 && attempt.status < 300) {
    message.state = "DELIVERED";
    return;
  }
  message.retried += 1;
  if (nonRetryable || message.retried > message.maxRetries) {
    message.state = "FAILED";
    return;
  }
  message.state = "RETRY";
  message.nextDeliveryAt = new Date(now.getTime() + retryBackoffMs(message.retried));
}
