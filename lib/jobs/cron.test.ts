import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { jobRuns } from "@/db/schema";
import "./catalog";
import { cronMatches, parseCron } from "./cron";
import { LocalCron } from "./local/local-cron";
import { SCHEDULES } from "./schedules";
import { inArray } from "drizzle-orm";

const at = (iso: string) => new Date(iso);

describe("cron matcher", () => {
  it.each([
    ["0 */4 * * *", "2026-11-23T08:00:00Z", true],
    ["0 */4 * * *", "2026-11-23T09:00:00Z", false],
    ["30 6 * * *", "2026-11-23T06:30:00Z", true],
    ["0 8 * * 1", "2026-11-23T08:00:00Z", true], // a Monday
    ["0 8 * * 1", "2026-11-24T08:00:00Z", false],
    ["0 4 1 * *", "2026-12-01T04:00:00Z", true],
    ["*/5 * * * *", "2026-11-23T08:35:00Z", true],
    ["*/5 * * * *", "2026-11-23T08:36:00Z", false],
    ["0 9 1-7 * 1", "2026-11-02T09:00:00Z", true], // both day fields: either matches
    ["0 9 1,15 * *", "2026-11-15T09:00:00Z", true],
  ])("%s at %s → %s", (expression, iso, expected) => {
    expect(cronMatches(parseCron(expression), at(iso))).toBe(expected);
  });

  it.each(["* * * *", "60 * * * *", "* 24 * * *", "*/0 * * * *", "a * * * *", "5-1 * * * *"])("rejects %s", (expression) => {
    expect(() => parseCron(expression)).toThrow();
  });

  it("every schedule in the table parses", () => {
    for (const schedule of SCHEDULES) expect(() => parseCron(schedule.cron)).not.toThrow();
  });
});

describe("in-process cron", () => {
  it("starts each due schedule once per minute, even across a restart", async () => {
    const monday8am = at("2026-11-23T08:00:05Z");
    const runIds = await new LocalCron().tick(monday8am);
    const runs = await db.select().from(jobRuns).where(inArray(jobRuns.id, runIds));
    expect(runs.map((run) => run.kind).sort()).toEqual(["insights.sync", "jobs.outbox-flush", "ops.alerts", "reports.weekly"]);

    // Same minute, a new process (a restart): the same runs, nothing new.
    expect((await new LocalCron().tick(at("2026-11-23T08:00:40Z"))).sort()).toEqual([...runIds].sort());
    // The next minute has nothing due.
    expect(await new LocalCron().tick(at("2026-11-23T08:01:00Z"))).toEqual([]);
  });
});
