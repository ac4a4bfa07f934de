import "server-only";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite, PgliteDatabase } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres, PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { mkdirSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { deployment, env } from "@/lib/env";
import * as schema from "./schema";

/** The one database type the app codes against; both drivers satisfy it. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Either the database or an open transaction: what lib functions accept. */
export type Queryable = Database | Transaction;

type Connection = { db: Database; close: () => Promise<void> };

// Cached on globalThis so dev hot reloads and separately bundled routes share one
// connection: PGlite in particular must never be opened twice on the same directory.
const globalCache = globalThis as typeof globalThis & { __adpilotDb?: Connection };

export function pgliteDataDir(): string {
  return env.PGLITE_DATA_DIR ?? path.resolve(env.DATA_DIR, "pglite");
}

function connect(): Connection {
  if (env.DATABASE_URL) {
    const client = postgres(env.DATABASE_URL, {
      // Serverless functions each hold a few connections; a long-running server more.
      max: env.VERCEL ? 3 : 10,
      onnotice: () => {},
    });
    return { db: drizzlePostgres(client, { schema }) as unknown as Database, close: () => client.end() };
  }
  const dir = pgliteDataDir();
  if (!dir.startsWith("memory://")) mkdirSync(dir, { recursive: true });
  const client = new PGlite(dir);
  return { db: drizzlePglite(client, { schema }) as unknown as Database, close: () => client.close() };
}

function connection(): Connection {
  globalCache.__adpilotDb ??= connect();
  return globalCache.__adpilotDb;
}

/**
 * The database. Opened on first use, not at import, so `next build` can load
 * route modules in parallel workers without touching PGlite's files. The proxy
 * carries the driver's prototype so `instanceof` checks (the Auth.js adapter's)
 * pass without connecting.
 */
const driverPrototype = (deployment.database === "postgres" ? PostgresJsDatabase : PgliteDatabase).prototype;
export const db: Database = new Proxy(Object.create(driverPrototype) as Database, {
  get(_target, property) {
    const target = connection().db;
    const value = Reflect.get(target, property, target);
    return typeof value === "function" ? value.bind(target) : value;
  },
});

/** The rows of a raw `db.execute(sql…)`: postgres.js answers an array, PGlite `{ rows }`. */
export function resultRows<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

export async function closeDb(): Promise<void> {
  const open = globalCache.__adpilotDb;
  globalCache.__adpilotDb = undefined;
  await open?.close();
}


export { schema };
