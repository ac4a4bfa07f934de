/** Schedule validation and the JSON shape `client.schedules.get/list` read. */
import type { EmulatedSchedule } from "./types";

/** What QStash's GET /v2/schedules returns per schedule (the client's `Schedule` type). */
export type WireSchedule = {
  scheduleId: string;
  cron: string;
  createdAt: number;
  destination: string;
  method: string;
  header: Record<string, string[]>;
  body: string;
  retries: number;
  delay?: number;
  isPaused: boolean;
  lastScheduleTime?: number;
};

/**
 * QStash rejects malformed crons at create time, and so should we, or a typo
 * would only surface in production. Five standard fields, optionally prefixed
 * with `CRON_TZ=<zone>`; field syntax is checked loosely (no range checks).
 */
export function isValidCron(cron: string): boolean {
  const fields = cron.trim().replace(/^CRON_TZ=\S+\s+/, "").split(/\s+/);
  return fields.length === 5 && fields.every((field) => /^[\d*/,\-A-Za-z?]+$/.test(field));
}

/** QStash reports headers the Go way: canonical names, each with a list of values. */
const canonicalName = (name: string) =>
  name
    .split("-")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1).toLowerCase())
    .join("-");

export function toWireSchedule(schedule: EmulatedSchedule): WireSchedule {
  return {
    scheduleId: schedule.scheduleId,
    cron: schedule.cron,
    createdAt: schedule.createdAt.getTime(),
    destination: schedule.destination,
    method: schedule.method,
    header: Object.fromEntries(Object.entries(schedule.headers).map(([name, value]) => [canonicalName(name), [value]])),
    body: schedule.body,
    retries: schedule.retries,
    ...(schedule.delaySeconds > 0 ? { delay: schedule.delaySeconds } : {}),
    isPaused: schedule.isPaused,
    ...(schedule.lastScheduleTime ? { lastScheduleTime: schedule.lastScheduleTime.getTime() } : {}),
  };
}
