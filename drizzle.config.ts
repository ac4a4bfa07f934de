import { defineConfig } from "drizzle-kit";

// Generation only needs the dialect and schema; migrations are applied by
// scripts/migrate.ts on either PGlite or Postgres.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  strict: true,
});
