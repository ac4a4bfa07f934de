import { and, eq, inArray } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { jobRuns, users, weeklyReports } from "@/db/schema";
import { setSmtpUrlForTests } from "@/lib/email";
import "@/lib/jobs/catalog";
import { JOB_MAX_RETRIES } from "@/lib/jobs/config";
import { executeRun } from "@/lib/jobs/execute-run";
import { startJob } from "@/lib/jobs/start-job";
import { startSmtpSink, type SmtpSink } from "@/tests/support/smtp-sink";
import { createUser } from "@/tests/support/tenancy";
import { emailReport } from "./email-report";
import { dates, seedCampaign } from "./test-data";
import { reportsWeekly, reportsWeeklyUser } from "./weekly-job";

let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  setSmtpUrlForTests(undefined);
  await sink.close();
});
afterEach(() => {
  sink.failNext(0);
});

const NAME = 'Summer <Sale> & "Friends"';

/** A user with a week of sales: $10.01 + $20.02 + … ($154.14 in all) and 7 purchases. */
async function userWithSales(week: string, options: { emailOptIn: boolean }) {
  const user = await createUser({ weeklyReportEmail: options.emailOptIn });
  await seedCampaign(user.id, {
    name: NAME,
    purpose: "sales",
    days: dates(week, 7).map((date, index) => ({ date, spend: `${10 * (index + 1)}.${String(index + 1).padStart(2, "0")}`, conversions: 1, value: "30.00" })),
  });
  return user;
}

const reportsOf = (userId: string) => db.select().from(weeklyReports).where(eq(weeklyReports.userId, userId));
const messagesTo = (email: string) => sink.messages.filter((message) => message.envelopeTo.includes(email));

/** The per-user runs the fan-out made for these users (other tests' users share the database). */
async function childRuns(userIds: string[], week: string) {
  return db
    .select()
    .from(jobRuns)
    .where(and(eq(jobRuns.kind, "reports.weekly-user"), inArray(jobRuns.idempotencyKey, userIds.map((id) => `${id}:${week}`))));
}

async function runFanOut(week: string) {
  const { run } = await startJob(reportsWeekly, { periodStart: week });
  expect(await executeRun(run.id, 0)).toEqual({ kind: "succeeded" });
  return run;
}

describe("weekly report job", () => {
  it("run twice for the same week: one report and one email per user, none for an opted-out user", async () => {
    setSmtpUrlForTests(sink.url);
    const week = "2025-07-07";
    const alice = await userWithSales(week, { emailOptIn: true });
    const bob = await userWithSales(week, { emailOptIn: false });
    // Data only in the week before still gets a report (it shows the drop to nothing).
    const carol = await createUser({ weeklyReportEmail: true });
    await seedCampaign(carol.id, { name: "Last week only", purpose: "sales", days: [{ date: "2025-07-01", spend: "5.00" }] });
    const idle = await createUser({ weeklyReportEmail: true });

    // Two schedule deliveries for the same week (a redelivery, or a manual start).
    await runFanOut(week);
    await runFanOut(week);
    const runs = await childRuns([alice.id, bob.id, carol.id, idle.id], week);
    expect(runs.map((run) => run.userId).sort()).toEqual([alice.id, bob.id, carol.id].sort());

    for (const run of runs) expect(await executeRun(run.id, 0)).toEqual({ kind: "succeeded" });
    // A late duplicate delivery, and a fresh run for the same user and week: still one row, one email.
    for (const run of runs) expect(await executeRun(run.id, 0)).toEqual({ kind: "skipped", reason: "finished" });
    const again = await startJob(reportsWeeklyUser, { userId: alice.id, periodStart: week }, { userId: alice.id, idempotencyKey: `manual:${alice.id}:${week}` });
    expect(await executeRun(again.run.id, 0)).toEqual({ kind: "succeeded" });
    expect((await db.select().from(jobRuns).where(eq(jobRuns.id, again.run.id)))[0]!.result).toMatchObject({ email: "already_sent" });

    const [aliceReport, ...extra] = await reportsOf(alice.id);
    expect(extra).toEqual([]);
    expect(aliceReport).toMatchObject({ periodStart: "2025-07-07", periodEnd: "2025-07-13", emailError: null });
    expect(aliceReport!.emailedAt).toBeInstanceOf(Date);
    expect(messagesTo(alice.email)).toHaveLength(1);

    // Opted out: the report is kept in the app, nothing is sent.
    const [bobReport] = await reportsOf(bob.id);
    expect(bobReport).toMatchObject({ emailedAt: null, emailError: null });
    expect(messagesTo(bob.email)).toEqual([]);
    expect((await reportsOf(carol.id))[0]!.summary).toMatchObject({ totals: [{ currency: "USD", current: { spend: 0 }, previous: { spend: 500 } }] });
    expect(messagesTo(carol.email)[0]!.subject).toBe("Your AdPilot week: nothing spent, 0 purchases");
    expect(await reportsOf(idle.id)).toEqual([]);
  });

  it("sends the report to the user's address with the week in the subject and campaign names escaped", async () => {
    setSmtpUrlForTests(sink.url);
    const week = "2025-07-14";
    const alice = await userWithSales(week, { emailOptIn: true });
    const { run } = await startJob(reportsWeeklyUser, { userId: alice.id, periodStart: week }, { userId: alice.id });
    expect(await executeRun(run.id, 0)).toEqual({ kind: "succeeded" });

    const [message, ...more] = messagesTo(alice.email);
    expect(more).toEqual([]);
    expect(message!.to).toBe(alice.email);
    // 10.01 + 20.02 + 30.03 + 40.04 + 50.05 + 60.06 + 70.07
    expect(message!.subject).toBe("Your AdPilot week: $280.28 spent, 7 purchases");
    expect(message!.headers["message-id"]).toMatch(/^<weekly-report-[0-9a-f-]+@127\.0\.0\.1>$/);
    expect(message!.html).toContain("Summer &lt;Sale&gt; &amp; &quot;Friends&quot;");
    expect(message!.html).not.toContain("<Sale>");
    expect(message!.html).toContain("$280.28");
    const [report] = await reportsOf(alice.id);
    expect(message!.html).toContain(`http://127.0.0.1:39017/reports/${report!.id}`);
    // The text part says the same for clients that show only text, with the name as written.
    expect(message!.text).toContain(NAME);
    expect(message!.text).toContain("Spend: $280.28");
  });

  it("stores the report but attempts nothing when SMTP is not configured", async () => {
    setSmtpUrlForTests(null);
    const week = "2025-07-21";
    const alice = await userWithSales(week, { emailOptIn: true });
    const { run } = await startJob(reportsWeeklyUser, { userId: alice.id, periodStart: week }, { userId: alice.id });
    expect(await executeRun(run.id, 0)).toEqual({ kind: "succeeded" });
    expect((await db.select().from(jobRuns).where(eq(jobRuns.id, run.id)))[0]!.result).toMatchObject({ email: "not_configured" });
    expect(await reportsOf(alice.id)).toEqual([expect.objectContaining({ emailedAt: null, emailError: null })]);
    expect(messagesTo(alice.email)).toEqual([]);
  });

  it("records a refused send in email_error and sends it on the job's retry", async () => {
    setSmtpUrlForTests(sink.url);
    const week = "2025-07-28";
    const alice = await userWithSales(week, { emailOptIn: true });
    const { run } = await startJob(reportsWeeklyUser, { userId: alice.id, periodStart: week }, { userId: alice.id });

    sink.failNext(1);
    const failed = await executeRun(run.id, 0);
    expect(failed.kind).toBe("retry");
    const [afterFailure] = await reportsOf(alice.id);
    expect(afterFailure!.emailedAt).toBeNull();
    expect(afterFailure!.emailError).toMatch(/451/);
    expect((await db.select().from(jobRuns).where(eq(jobRuns.id, run.id)))[0]).toMatchObject({
      status: "queued",
      error: "The weekly report email could not be sent; AdPilot will try again.",
    });
    expect(messagesTo(alice.email)).toEqual([]);

    expect(await executeRun(run.id, 1)).toEqual({ kind: "succeeded" });
    const [afterRetry] = await reportsOf(alice.id);
    expect(afterRetry).toMatchObject({ id: afterFailure!.id, emailError: null });
    expect(afterRetry!.emailedAt).toBeInstanceOf(Date);
    expect(messagesTo(alice.email)).toHaveLength(1);
  });

  it("keeps the error on the report when every retry fails", async () => {
    setSmtpUrlForTests(sink.url);
    const week = "2025-08-04";
    const alice = await userWithSales(week, { emailOptIn: true });
    const { run } = await startJob(reportsWeeklyUser, { userId: alice.id, periodStart: week }, { userId: alice.id });
    sink.failNext(JOB_MAX_RETRIES + 1);
    for (let attempt = 0; attempt < JOB_MAX_RETRIES; attempt++) expect((await executeRun(run.id, attempt)).kind).toBe("retry");
    expect(await executeRun(run.id, JOB_MAX_RETRIES)).toMatchObject({ kind: "failed" });
    expect((await reportsOf(alice.id))[0]).toMatchObject({ emailedAt: null, emailError: expect.stringMatching(/451/) });
    expect(messagesTo(alice.email)).toEqual([]);
  });

  it("honours turning the email off after the report was made", async () => {
    setSmtpUrlForTests(sink.url);
    const week = "2025-08-11";
    const alice = await userWithSales(week, { emailOptIn: true });
    const { run } = await startJob(reportsWeeklyUser, { userId: alice.id, periodStart: week }, { userId: alice.id });
    sink.failNext(1);
    expect((await executeRun(run.id, 0)).kind).toBe("retry");
    await db.update(users).set({ weeklyReportEmail: false }).where(eq(users.id, alice.id));
    expect(await executeRun(run.id, 1)).toEqual({ kind: "succeeded" });
    expect(messagesTo(alice.email)).toEqual([]);
    const [report] = await reportsOf(alice.id);
    expect(await emailReport(report!.id)).toEqual({ sent: false, reason: "opted_out" });
  });

  it("refuses a week that does not start on a Monday", async () => {
    await expect(startJob(reportsWeekly, { periodStart: "2025-07-08" })).rejects.toThrow(/Monday/);
  });
});
