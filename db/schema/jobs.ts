import { index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, unique, uuid, varchar } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns";
import { users } from "./users";

export const jobStatus = pgEnum("job_status", ["queued", "running", "waiting", "succeeded", "failed", "cancelled"]);
export const jobStepStatus = pgEnum("job_step_status", ["succeeded", "failed"]);

/** A durable job: replayed step by step on every delivery (lib/jobs). */
export const jobRuns = pgTable(
  "job_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // Null for system jobs (schedules); set for anything a user started or owns.
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    kind: varchar("kind", { length: 100 }).notNull(),
    idempotencyKey: varchar("idempotency_key", { length: 255 }).notNull(),
    payload: jsonb("payload").notNull(),
    status: jobStatus("status").notNull().default("queued"),
    progress: integer("progress").notNull().default(0),
    progressMessage: text("progress_message"),
    result: jsonb("result"),
    error: text("error"),
    attempts: integer("attempts").notNull().default(0),
    runAfter: timestamp("run_after", { withTimezone: true, mode: "date" }),
    startedAt: timestamp("started_at", { withTimezone: true, mode: "date" }),
    finishedAt: timestamp("finished_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    unique("job_runs_kind_idempotency_key_unique").on(table.kind, table.idempotencyKey),
    index("job_runs_user_id_created_at_idx").on(table.userId, table.createdAt),
    index("job_runs_status_idx").on(table.status),
  ],
);

export const jobSteps = pgTable(
  "job_steps",
  {
    runId: uuid("run_id")
      .notNull()
      .references(() => jobRuns.id, { onDelete: "cascade" }),
    name: varchar("name", { length: 200 }).notNull(),
    status: jobStepStatus("status").notNull(),
    // JSON the step returned; replayed instead of re-running the step.
    result: jsonb("result"),
    error: text("error"),
    attempts: integer("attempts").notNull().default(1),
    startedAt: timestamp("started_at", { withTimezone: true, mode: "date" }).notNull(),
    finishedAt: timestamp("finished_at", { withTimezone: true, mode: "date" }),
  },
  (table) => [primaryKey({ columns: [table.runId, table.name] })],
);

export type JobRun = typeof jobRuns.$inferSelect;
export type JobStep = typeof jobSteps.$inferSelect;
