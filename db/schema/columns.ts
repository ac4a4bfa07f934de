import { timestamp } from "drizzle-orm/pg-core";

/** Timestamps every table carries; `updatedAt` is bumped by Drizzle on update. */
export const createdAt = () => timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp("updated_at", { withTimezone: true, mode: "date" })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());
