/** What tests see of the emulator's state. Snapshots: mutating them changes nothing. */

/**
 * A subset of QStash's message states: CREATED (waiting for its first attempt),
 * ACTIVE (an attempt is in flight), RETRY (failed, waiting for backoff),
 * DELIVERED (got a 2xx) and FAILED (out of retries; real QStash moves it to the DLQ).
 */
export type MessageState = "CREATED" | "ACTIVE" | "RETRY" | "DELIVERED" | "FAILED";

export type DeliveryAttempt = {
  at: Date;
  /** The `Upstash-Retried` value sent with this attempt. */
  retried: number;
  /** HTTP status from the destination; absent when the request itself failed. */
  status?: number;
  /** Network/timeout error message when there was no response. */
  error?: string;
};

export type EmulatedMessage = {
  messageId: string;
  /** Destination URL, exactly as published (also the JWT `sub`). */
  url: string;
  method: string;
  /** Raw body decoded as UTF-8 (deliveries send the original bytes). */
  body: string;
  /** Headers delivered to the destination: Content-Type plus the `Upstash-Forward-*` ones, unprefixed, lower-case names. */
  headers: Record<string, string>;
  deduplicationId?: string;
  /** Set when a schedule produced this message; delivered as `Upstash-Schedule-Id`. */
  scheduleId?: string;
  createdAt: Date;
  /** When the next attempt becomes due (publish time + delay, or failure time + backoff). */
  nextDeliveryAt: Date;
  /** Retries allowed after the first attempt (`Upstash-Retries`, default 3). */
  maxRetries: number;
  /** Failed attempts so far; the next attempt sends this as `Upstash-Retried`. */
  retried: number;
  state: MessageState;
  attempts: DeliveryAttempt[];
};

export type EmulatedSchedule = {
  scheduleId: string;
  cron: string;
  destination: string;
  method: string;
  body: string;
  /** Same shape as EmulatedMessage.headers: what each fired message delivers. */
  headers: Record<string, string>;
  retries: number;
  /** Seconds each fired message waits before delivery (`Upstash-Delay`). */
  delaySeconds: number;
  isPaused: boolean;
  createdAt: Date;
  lastScheduleTime?: Date;
};
