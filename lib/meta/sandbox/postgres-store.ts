import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { resultRows, type Queryable } from "@/db";
import { sandboxGraphObjects } from "@/db/schema";
import type { GraphStore } from "@/emulators/meta-graph";

/**
 * The Graph emulator's store on Postgres (or PGlite): each object a JSONB row.
 * `list` filters with JSONB containment, so the where-clause runs in the database.
 */
export function createPostgresGraphStore(db: Queryable, scope: string): GraphStore {
  const at = (kind: string) => and(eq(sandboxGraphObjects.scope, scope), eq(sandboxGraphObjects.kind, kind));
  return {
    async get(kind, id) {
      const [row] = await db
        .select({ data: sandboxGraphObjects.data })
        .from(sandboxGraphObjects)
        .where(and(at(kind), eq(sandboxGraphObjects.id, id)));
      return row?.data as never;
    },
    async put(kind, record) {
      await db
        .insert(sandboxGraphObjects)
        .values({ scope, kind, id: record.id, data: record })
        .onConflictDoUpdate({ target: [sandboxGraphObjects.scope, sandboxGraphObjects.kind, sandboxGraphObjects.id], set: { data: record } });
    },
    async delete(kind, id) {
      await db.delete(sandboxGraphObjects).where(and(at(kind), eq(sandboxGraphObjects.id, id)));
    },
    async list(kind, where) {
      const conditions = [at(kind)];
      // Undefined values mean "any" in the memory store; JSON would drop them anyway.
      const filter = Object.fromEntries(Object.entries(where ?? {}).filter(([, value]) => value !== undefined));
      if (Object.keys(filter).length > 0) conditions.push(sql`${sandboxGraphObjects.data} @> ${JSON.stringify(filter)}::jsonb`);
      const rows = await db
        .select({ data: sandboxGraphObjects.data })
        .from(sandboxGraphObjects)
        .where(and(...conditions))
        .orderBy(asc(sandboxGraphObjects.seq));
      return rows.map((row) => row.data) as never;
    },
    async nextId() {
      const result = await db.execute<{ id: string }>(sql`select nextval('sandbox_graph_ids')::text as id`);
      const rows = resultRows<{ id: string }>(result);
      return rows[0]!.id;
    },
  };
}
