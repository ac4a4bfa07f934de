/**
 * QStash emulator for tests.
 *
 * An in-process HTTP server that the unmodified `@upstash/qstash` Client talks
 * to (`new Client({ token, baseUrl: emulator.url })`), plus test controls that
 * stand in for QStash's clock: nothing is delivered until the test calls
 * deliverDue()/triggerSchedules(), so tests stay deterministic.
 *
 *   POST   /v2/publish/<url>             -> 201 {messageId, url[, deduplicated: true]}
 *   POST   /v2/schedules/<url>           -> 201 {scheduleId}   (upsert by Upstash-Schedule-Id)
 *   GET    /v2/schedules                 -> 200 Schedule[]
 *   GET    /v2/schedules/<id>            -> 200 Schedule | 404
 *   DELETE /v2/schedules/<id>            -> 200 (empty)      | 404
 *   PATCH  /v2/schedules/<id>/pause|resume
 *
 * Deliveries are signed like QStash's (see sign.ts) so the unmodified Receiver verifies them.
 */
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createApiHandler } from "./api";
import { attemptDelivery, isDue, type StoredMessage } from "./delivery";
import { HttpError, sendJson } from "./http";
import { addMessage, createStore, messageSnapshot, scheduleSnapshot } from "./store";
import type { EmulatedMessage, EmulatedSchedule } from "./types";

export { signQStashJwt } from "./sign";
export type { DeliveryAttempt, EmulatedMessage, EmulatedSchedule, MessageState } from "./types";

export type QStashEmulator = {
  url: string;
  token: string;
  currentSigningKey: string;
  nextSigningKey: string;
  /** every message accepted by publish, with its state */
  messages(): EmulatedMessage[];
  schedules(): EmulatedSchedule[];
  /** deliver every message whose delay has passed (and retry failed ones whose backoff passed); resolves when those HTTP deliveries finish */
  deliverDue(now?: Date): Promise<void>;
  /** fire every schedule once as if its cron matched now (tests call it) */
  triggerSchedules(): Promise<void>;
  /** make the next N publish calls fail with HTTP 500 (to test callers' outbox handling) */
  failNextPublishes(n: number): void;
  close(): Promise<void>;
};

export type QStashEmulatorOptions = {
  token?: string;
  currentSigningKey?: string;
  nextSigningKey?: string;
  /** "next" simulates the window after a key rotation, when QStash already signs with the next key. */
  signWith?: "current" | "next";
  /** Retries when a publish sets no `Upstash-Retries` (QStash's default is 3). */
  maxRetries?: number;
};

const signingKey = () => `sig_${randomBytes(24).toString("base64url")}`;

export async function startQStashEmulator(options: QStashEmulatorOptions = {}): Promise<QStashEmulator> {
  const token = options.token ?? `qstash_${randomBytes(24).toString("base64url")}`;
  const currentSigningKey = options.currentSigningKey ?? signingKey();
  const nextSigningKey = options.nextSigningKey ?? signingKey();
  const keyInUse = options.signWith === "next" ? nextSigningKey : currentSigningKey;
  const store = createStore();
  const handle = createApiHandler(store, { token, defaultRetries: options.maxRetries ?? 3 });

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      const message = error instanceof Error ? error.message : String(error);
      if (!res.headersSent) sendJson(res, status, { error: message });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  const deliver = (messages: StoredMessage[], now: Date) =>
    Promise.all(messages.map((message) => attemptDelivery(message, keyInUse, now))).then(() => undefined);

  return {
    url: `http://127.0.0.1:${port}`,
    token,
    currentSigningKey,
    nextSigningKey,
    messages: () => store.messages.map(messageSnapshot),
    schedules: () => [...store.schedules.values()].map(scheduleSnapshot),
    // One attempt per due message per call: a failure's retry waits for a later call
    // whose `now` is past the backoff, so tests step through retries explicitly.
    deliverDue: (now = new Date()) => deliver(store.messages.filter((message) => isDue(message, now)), now),
    async triggerSchedules() {
      const now = new Date();
      const fired = [...store.schedules.values()]
        .filter((schedule) => !schedule.isPaused)
        .map((schedule) => {
          schedule.lastScheduleTime = now;
          return addMessage(store, {
            url: schedule.destination,
            rawBody: Buffer.from(schedule.body, "utf8"),
            spec: { method: schedule.method, headers: schedule.headers, maxRetries: schedule.retries, delaySeconds: schedule.delaySeconds },
            scheduleId: schedule.scheduleId,
            now,
          });
        });
      // A schedule with a delay fires a delayed message; deliverDue() picks that up later.
      await deliver(fired.filter((message) => isDue(message, now)), now);
    },
    failNextPublishes(n) {
      store.failPublishes = Math.max(0, Math.floor(n));
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets from the client would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}
