import { index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, unique, uuid, varchar } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns";
import { users } from "./users";

export const jobStatus = pgEnum("job_status", ["queued", "running", "waiting", "succeeded", "failed", "cancelled"]);
export const jobStepStatus = pgEnum("job_step_status", ["succeeded", "failed"]);
export const jobDispatchStatus = pgEnum("job_dispatch_status", ["pending", "sent", "delivered", "failed"]);

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
    // Set while a delivery is executing the run; a second delivery waits until it passes.
    lockedUntil: timestamp("locked_until", { withTimezone: true, mode: "date" }),
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

/**
 * Transactional outbox: every delivery of a run is written here in the same
 * transaction that creates or resumes the run, then handed to QStash (production)
 * or delivered by the local dispatcher (embedded default). A publish that fails
 * stays pending and is re-sent by the outbox flush job.
 */
export const jobDispatches = pgTable(
  "job_dispatches",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    runId: uuid("run_id")
      .notNull()
      .references(() => jobRuns.id, { onDelete: "cascade" }),
    jobName: varchar("job_name", { length: 100 }).notNull(),
    status: jobDispatchStatus("status").notNull().default("pending"),
    deliverAt: timestamp("deliver_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    providerMessageId: varchar("provider_message_id", { length: 255 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index("job_dispatches_status_deliver_at_idx").on(table.status, table.deliverAt), index("job_dispatches_run_id_idx").on(table.runId)],
);

export type JobRun = typeof jobRuns.$inferSelect;
export type JobDispatch = typeof jobDispatches.$inferSelect;
export type JobStep = typeof jobSteps.$inferSelect;
