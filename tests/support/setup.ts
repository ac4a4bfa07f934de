import { randomUUID } from "node:crypto";
import { cpSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, inject, vi } from "vitest";
import { testSession } from "./session";

// Route handlers and actions read the session through this module; tests choose
// who is signed in with actAs() instead of minting real cookies.
vi.mock("@/lib/auth/session", () => ({
  getSessionUser: async () => testSession.current,
}));

// Each test file gets its own copy of the migrated template. The copy is cheap and
// the database is only opened if the file actually queries it.
const template = inject("pgliteTemplate");
let copy: string | undefined;
if (template) {
  copy = path.join(path.dirname(template), `file-${randomUUID()}`);
  cpSync(template, copy, { recursive: true });
  process.env.PGLITE_DATA_DIR = copy;
}

afterAll(async () => {
  const { closeDb } = await import("@/db");
  await closeDb();
  if (copy) rmSync(copy, { recursive: true, force: true });
});
