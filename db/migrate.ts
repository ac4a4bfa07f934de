import "server-only";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import path from "node:path";
import { deployment } from "@/lib/env";
import { db } from "./index";

export const migrationsFolder = path.resolve(process.cwd(), "db/migrations");

/** Applies every committed migration that has not run yet; safe to call repeatedly. */
export async function runMigrations(): Promise<void> {
  // The two migrators differ only in the driver type they accept.
  if (deployment.database === "postgres") {
    await migratePostgres(db as never, { migrationsFolder });
  } else {
    await migratePglite(db as never, { migrationsFolder });
  }
}
