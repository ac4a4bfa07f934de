import "server-only";
import type { Client } from "@upstash/qstash";
import { JOB_MAX_RETRIES, jobUrl } from "./config";
import { SCHEDULE_ID_PREFIX, SCHEDULES, type Schedule } from "./schedules";

export type SyncReport = { upserted: string[]; deleted: string[] };

/**
 * Mirrors the schedule table to QStash: each schedule is upserted under a stable
 * id, and QStash schedules with our prefix that the table no longer has are deleted.
 * Running it twice changes nothing the second time.
 */
export async function syncSchedules(client: Client, schedules: Schedule[] = SCHEDULES): Promise<SyncReport> {
  const upserted: string[] = [];
  for (const schedule of schedules) {
    const scheduleId = `${SCHEDULE_ID_PREFIX}${schedule.id}`;
    await client.schedules.create({
      scheduleId,
      destination: jobUrl(schedule.job),
      cron: schedule.cron,
      body: JSON.stringify({ schedule: schedule.id }),
      headers: { "Content-Type": "application/json" },
      retries: JOB_MAX_RETRIES,
    });
    upserted.push(scheduleId);
  }
  const wanted = new Set(upserted);
  const deleted: string[] = [];
  for (const existing of await client.schedules.list()) {
    if (existing.scheduleId.startsWith(SCHEDULE_ID_PREFIX) && !wanted.has(existing.scheduleId)) {
      await client.schedules.delete(existing.scheduleId);
      deleted.push(existing.scheduleId);
    }
  }
  return { upserted, deleted };
}
