import "server-only";
import { logger } from "@/lib/observability/logger";
import { cronMatches, parseCron } from "../cron";
import { getJob } from "../registry";
import { SCHEDULES, type Schedule } from "../schedules";
import { startJob } from "../start-job";

/**
 * The embedded default's scheduler: once a minute, starts a run of every schedule
 * whose cron matches. The idempotency key names the schedule and the minute, so a
 * restart or a second process in the same minute cannot start it twice.
 */
export class LocalCron {
  private timer: NodeJS.Timeout | undefined;
  private lastMinute = "";
  private readonly parsed: Array<{ schedule: Schedule; cron: ReturnType<typeof parseCron> }>;

  constructor(schedules: Schedule[] = SCHEDULES) {
    this.parsed = schedules.map((schedule) => ({ schedule, cron: parseCron(schedule.cron) }));
  }

  start(): void {
    this.timer ??= setInterval(() => void this.tick(new Date()), 15_000);
    this.timer.unref?.();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Starts what is due in `now`'s minute; returns the run ids it started or found. */
  async tick(now: Date): Promise<string[]> {
    const minute = now.toISOString().slice(0, 16);
    if (minute === this.lastMinute) return [];
    this.lastMinute = minute;
    const started: string[] = [];
    for (const { schedule, cron } of this.parsed) {
      if (!cronMatches(cron, now)) continue;
      const job = getJob(schedule.job);
      if (!job) {
        logger.error("schedule names an unknown job", { schedule: schedule.id, job: schedule.job });
        continue;
      }
      try {
        const { run } = await startJob(job, {}, { idempotencyKey: `schedule:${schedule.id}:${minute}` });
        started.push(run.id);
      } catch (error) {
        logger.error("scheduled job did not start", { schedule: schedule.id, error });
      }
    }
    return started;
  }
}
