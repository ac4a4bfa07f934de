/** The emulator's in-memory state and the operations the HTTP API and the test API share. */
import { createHash, randomBytes } from "node:crypto";
import type { StoredMessage } from "./delivery";
import type { MessageSpec } from "./message-spec";
import type { EmulatedMessage, EmulatedSchedule } from "./types";

/** QStash's deduplication window. */
const DEDUP_WINDOW_MS = 10 * 60 * 1000;

export type Store = {
  messages: StoredMessage[];
  schedules: Map<string, EmulatedSchedule>;
  /** deduplication id -> the message it produced and when */
  dedup: Map<string, { messageId: string; at: number }>;
  /** publish calls still to be failed with a 500 (failNextPublishes) */
  failPublishes: number;
};

export const createStore = (): Store => ({ messages: [], schedules: new Map(), dedup: new Map(), failPublishes: 0 });

/** QStash ids are opaque prefixed strings (`msg_…`, `scd_…`); only the prefix matters to callers. */
export const newId = (prefix: string) => `${prefix}_${randomBytes(18).toString("base64url")}`;

export function addMessage(
  store: Store,
  args: { url: string; rawBody: Buffer; spec: MessageSpec; deduplicationId?: string; scheduleId?: string; now?: Date },
): StoredMessage {
  // The caller's clock when it has one: a schedule firing "now" must be due "now", even if a millisecond passed.
  const createdAt = args.now ?? new Date();
  const delayed = createdAt.getTime() + args.spec.delaySeconds * 1000;
  const message: StoredMessage = {
    messageId: newId("msg"),
    url: args.url,
    method: args.spec.method,
    body: args.rawBody.toString("utf8"),
    rawBody: args.rawBody,
    headers: { ...args.spec.headers },
    deduplicationId: args.deduplicationId,
    scheduleId: args.scheduleId,
    createdAt,
    nextDeliveryAt: new Date(Math.max(delayed, args.spec.notBefore?.getTime() ?? 0)),
    maxRetries: args.spec.maxRetries,
    retried: 0,
    state: "CREATED",
    attempts: [],
  };
  store.messages.push(message);
  return message;
}

/** The id of the message an earlier publish with this deduplication id produced, if still inside the window. */
export function findDuplicate(store: Store, deduplicationId: string, now = Date.now()): string | undefined {
  const seen = store.dedup.get(deduplicationId);
  return seen && now - seen.at < DEDUP_WINDOW_MS ? seen.messageId : undefined;
}

export function rememberDeduplicationId(store: Store, deduplicationId: string, messageId: string): void {
  store.dedup.set(deduplicationId, { messageId, at: Date.now() });
}

/** `Upstash-Content-Based-Deduplication`: QStash derives the id from destination, body and headers. */
export function contentDeduplicationId(url: string, rawBody: Buffer, spec: MessageSpec): string {
  const headers = Object.entries(spec.headers).sort(([a], [b]) => a.localeCompare(b));
  return createHash("sha256").update(url).update("\0").update(JSON.stringify(headers)).update("\0").update(rawBody).digest("hex");
}

/** Snapshots, so tests can inspect state without reaching into (or corrupting) it. */
export function messageSnapshot(message: StoredMessage): EmulatedMessage {
  const { rawBody: _rawBody, ...rest } = message;
  return structuredClone(rest);
}

export const scheduleSnapshot = (schedule: EmulatedSchedule): EmulatedSchedule => structuredClone(schedule);
