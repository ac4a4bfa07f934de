import { bigserial, jsonb, pgSequence, pgTable, primaryKey, text, varchar } from "drizzle-orm/pg-core";

/**
 * The Meta sandbox's own state (the Graph emulator's objects: simulated users,
 * ad accounts, campaigns, tokens…), one JSON record per object. Kept in Postgres
 * so the sandbox survives restarts and works on serverless. Never mixed with
 * the app's own tables.
 */
export const sandboxGraphObjects = pgTable(
  "sandbox_graph_objects",
  {
    /** One AdPilot user's sandbox world (lib/meta/config sandboxScope). */
    scope: varchar("scope", { length: 64 }).notNull(),
    kind: varchar("kind", { length: 50 }).notNull(),
    // Text: emulated tokens and auth codes are long opaque strings.
    id: text("id").notNull(),
    // Insertion order, which Graph listings follow; a replaced record keeps its place.
    seq: bigserial("seq", { mode: "number" }).notNull(),
    data: jsonb("data").notNull(),
  },
  (table) => [primaryKey({ columns: [table.scope, table.kind, table.id] })],
);

/** Graph object ids share one namespace; start high so they never meet the fixtures' ids. */
export const sandboxGraphIds = pgSequence("sandbox_graph_ids", { startWith: "120210000000000001", minValue: 1 });
