import { sql } from "drizzle-orm";
import { db, resultRows } from "@/db";

/**
 * Fingerprints of the database, compared before and after a call, so a diff
 * names the table a leaky code path wrote to (job_runs for a job started on
 * someone else's id, audit_log, the row itself…). They cover only rows that
 * mention the test's own users and ids: on PostgreSQL (CI's second pass) other
 * test files write to the same database at the same time.
 */
type Fingerprint = Record<string, string>;


let tables: Array<{ name: string; hasUserId: boolean }> | undefined;

async function publicTables() {
  tables ??= resultRows<{ name: string; has_user_id: boolean }>(
    await db.execute(sql`
      select t.table_name as name,
        exists (select 1 from information_schema.columns c where c.table_schema = t.table_schema and c.table_name = t.table_name and c.column_name = 'user_id') as has_user_id
      from information_schema.tables t
      where t.table_schema = 'public' and t.table_type = 'BASE TABLE'
      order by t.table_name`),
  ).map((row) => ({ name: row.name, hasUserId: row.has_user_id }));
  return tables;
}

async function digest(from: string, where = sql``): Promise<string> {
  const [row] = resultRows<{ n: number; h: string }>(
    await db.execute(sql`select count(*)::int as n, coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as h from ${sql.identifier(from)} t ${where}`),
  );
  return `${row!.n}:${row!.h}`;
}

/**
 * Every row, in any table, whose text mentions one of `watched` (user ids,
 * entity ids, names): what a refusal must leave exactly as it was, including
 * rows it must not create (a job run whose payload names Alice's campaign).
 */
export async function watchedFingerprint(watched: string[]): Promise<Fingerprint> {
  const pattern = watched.map((text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
  const result: Fingerprint = {};
  for (const table of await publicTables()) result[table.name] = await digest(table.name, sql`where t::text ~ ${pattern}`);
  return result;
}

/**
 * The given user's rows (every table with a user_id, and their users row): what
 * an action that takes no ids may not touch when someone else calls it, while
 * the caller's own rows legitimately change.
 */
export async function tenantFingerprint(userId: string): Promise<Fingerprint> {
  const result: Fingerprint = { users: await digest("users", sql`where t.id = ${userId}`) };
  for (const table of await publicTables()) if (table.hasUserId) result[table.name] = await digest(table.name, sql`where t.user_id = ${userId}`);
  return result;
}
