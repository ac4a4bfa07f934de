import { describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { aiUsage, jobRuns } from "@/db/schema";
import { actAs, createUser } from "@/tests/support/tenancy";
import { operationsOverview } from "./overview";

vi.mock("next/navigation", () => ({
  notFound: () => {
    throw Object.assign(new Error("NEXT_NOT_FOUND"), { notFound: true });
  },
}));

describe("Admin → Operations", () => {
  it("counts the backlog, the last day's failures and AI spend from the database", async () => {
    const user = await createUser({ email: `ops-${crypto.randomUUID()}@example.test` });
    const kind = `test.ops-${crypto.randomUUID().slice(0, 8)}`;
    await db.insert(jobRuns).values([
      { kind, idempotencyKey: crypto.randomUUID(), payload: {}, status: "queued" },
      { kind, idempotencyKey: crypto.randomUUID(), payload: {}, status: "failed", finishedAt: new Date() },
      { kind, idempotencyKey: crypto.randomUUID(), payload: {}, status: "succeeded", finishedAt: new Date() },
    ]);
    await db.insert(aiUsage).values([
      { userId: user.id, provider: "google", model: "m", operation: "image", costUsd: "0.067000", latencyMs: 900, outcome: "ok" },
      { userId: user.id, provider: "google", model: "m", operation: "image", costUsd: "0.067000", latencyMs: 1100, outcome: "ok" },
    ]);
    const overview = await operationsOverview();
    expect(overview.backlog.find((row) => row.kind === kind)).toMatchObject({ queued: 1, waiting: 0, running: 0 });
    expect(overview.failures.find((row) => row.kind === kind)).toEqual({ kind, failed: 1, succeeded: 1, errorRate: 0.5 });
    expect(overview.aiSpendByUser.find((row) => row.email === user.email)).toEqual({ email: user.email, calls: 2, costUsd: "0.134000" });
    expect(overview.ai.calls).toBeGreaterThanOrEqual(2);
  });

  it("is for operators only: members get the page's 404", async () => {
    const { default: OperationsPage } = await import("@/app/(app)/admin/operations/page");
    actAs(await createUser());
    await expect(OperationsPage()).rejects.toMatchObject({ notFound: true });
    actAs(await createUser({ role: "operator" }));
    await expect(OperationsPage()).resolves.toBeTruthy();
  });
});
