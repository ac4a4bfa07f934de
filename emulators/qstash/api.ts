/**
 * The slice of the QStash v2 REST API that `@upstash/qstash`'s Client uses for
 * publishing and schedules. Paths are `<baseUrl>/v2/...`; destinations are
 * appended raw (`/v2/publish/https://app/api/job?x=1`), so routes work on the
 * raw request target rather than a parsed pathname.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { header, HttpError, readBody, sendEmpty, sendJson } from "./http";
import { parseDestination, parseMessageSpec } from "./message-spec";
import { isValidCron, toWireSchedule } from "./schedules";
import { addMessage, contentDeduplicationId, findDuplicate, newId, rememberDeduplicationId, type Store } from "./store";

const PUBLISH = "/v2/publish/";
const SCHEDULES = "/v2/schedules";

export function createApiHandler(store: Store, config: { token: string; defaultRetries: number }) {
  async function publish(req: IncomingMessage, res: ServerResponse, target: string, rawBody: Buffer): Promise<void> {
    if (store.failPublishes > 0) {
      store.failPublishes -= 1;
      throw new HttpError(500, "emulated QStash failure (failNextPublishes)");
    }
    const url = parseDestination(target);
    const spec = parseMessageSpec(req, config.defaultRetries);
    const contentBased = header(req, "upstash-content-based-deduplication") === "true";
    const deduplicationId =
      header(req, "upstash-deduplication-id") ?? (contentBased ? contentDeduplicationId(url, rawBody, spec) : undefined);

    if (deduplicationId !== undefined) {
      // QStash answers a duplicate with the original id and does not enqueue anything.
      const original = findDuplicate(store, deduplicationId);
      if (original) return sendJson(res, 201, { messageId: original, url, deduplicated: true });
    }
    const message = addMessage(store, { url, rawBody, spec, deduplicationId });
    if (deduplicationId !== undefined) rememberDeduplicationId(store, deduplicationId, message.messageId);
    sendJson(res, 201, { messageId: message.messageId, url });
  }

  function createSchedule(req: IncomingMessage, res: ServerResponse, target: string, rawBody: Buffer): void {
    const cron = header(req, "upstash-cron");
    if (!cron || !isValidCron(cron)) throw new HttpError(400, `invalid Upstash-Cron header: ${cron ?? "(missing)"}`);
    const destination = parseDestination(target);
    const spec = parseMessageSpec(req, config.defaultRetries);
    const scheduleId = header(req, "upstash-schedule-id") ?? newId("scd");
    // Same id = update in place (QStash's documented upsert); keep identity-ish fields.
    const existing = store.schedules.get(scheduleId);
    store.schedules.set(scheduleId, {
      scheduleId,
      cron: cron.trim(),
      destination,
      method: spec.method,
      body: rawBody.toString("utf8"),
      headers: spec.headers,
      retries: spec.maxRetries,
      delaySeconds: spec.delaySeconds,
      isPaused: existing?.isPaused ?? false,
      createdAt: existing?.createdAt ?? new Date(),
      lastScheduleTime: existing?.lastScheduleTime,
    });
    sendJson(res, 201, { scheduleId });
  }

  function scheduleRoute(req: IncomingMessage, res: ServerResponse, rest: string): void {
    const [rawId, action, ...extra] = rest.split("/");
    const id = decodeURIComponent(rawId ?? "");
    if (req.method === "GET" && id === "" && action === undefined) {
      return sendJson(res, 200, [...store.schedules.values()].map(toWireSchedule));
    }
    const schedule = store.schedules.get(id);
    if (!schedule) throw new HttpError(404, `schedule not found: ${id}`);
    if (req.method === "GET" && action === undefined) return sendJson(res, 200, toWireSchedule(schedule));
    if (req.method === "DELETE" && action === undefined) {
      store.schedules.delete(id);
      return sendEmpty(res);
    }
    if (req.method === "PATCH" && extra.length === 0 && (action === "pause" || action === "resume")) {
      schedule.isPaused = action === "pause";
      return sendEmpty(res);
    }
    throw new HttpError(404, `no route for ${req.method} ${SCHEDULES}/${rest}`);
  }

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Drain the body first so every response, errors included, goes out on a clean connection.
    const rawBody = await readBody(req);
    if (req.headers.authorization !== `Bearer ${config.token}`) throw new HttpError(401, "unauthorized: invalid or missing QStash token");

    const target = req.url ?? "/";
    if (req.method === "POST" && target.startsWith(PUBLISH)) return publish(req, res, target.slice(PUBLISH.length), rawBody);
    if (req.method === "POST" && target.startsWith(`${SCHEDULES}/`)) {
      return createSchedule(req, res, target.slice(SCHEDULES.length + 1), rawBody);
    }
    const pathname = new URL(target, "http://emulator").pathname.replace(/\/+$/, "");
    if (pathname === SCHEDULES || pathname.startsWith(`${SCHEDULES}/`)) {
      return scheduleRoute(req, res, pathname.slice(SCHEDULES.length + 1));
    }
    throw new HttpError(404, `the QStash emulator does not implement ${req.method} ${pathname}`);
  };
}
