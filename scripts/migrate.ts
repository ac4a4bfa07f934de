// Applies committed migrations to DATABASE_URL, or to the embedded PGlite database.
// Run by `npm run dev`, `npm start` and the Vercel build; safe to run repeatedly.
import { closeDb } from "@/db";
import { runMigrations } from "@/db/migrate";
import { deployment } from "@/lib/env";

const started = Date.now();
try {
  await runMigrations();
  console.log(`Migrations applied to ${deployment.database} in ${Date.now() - started} ms`);
} catch (error) {
  console.error("Migration failed:", error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await closeDb();
}
