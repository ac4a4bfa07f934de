import "server-only";
import { db } from "@/db";
import { createGraphEmulator, SANDBOX, seedSandbox } from "@/emulators/meta-graph";
import { deployment } from "@/lib/env";
import { metaConfig, SANDBOX_GRAPH_PATH } from "../config";
import { createPostgresGraphStore } from "./postgres-store";

const SCOPE = /^[0-9a-f]{24}$/;
const seeded = new Set<string>();

/**
 * Serves one user's sandbox: the Graph emulator over that scope's rows in
 * Postgres, seeded with the sandbox fixtures on first use. Only exists while
 * the sandbox is on; with a real Meta app configured it answers 404.
 */
export async function handleSandboxRequest(request: Request, scope: string): Promise<Response> {
  if (deployment.meta !== "sandbox" || !SCOPE.test(scope)) return Response.json({ error: { message: "Not found", code: 803 } }, { status: 404 });
  const store = createPostgresGraphStore(db, scope);
  if (!seeded.has(scope)) {
    // Upserts with fixed ids: two first requests racing both seed the same rows.
    if (!(await store.get("users", SANDBOX.sam.userId))) await seedSandbox(store);
    seeded.add(scope);
  }
  const prefix = `${SANDBOX_GRAPH_PATH}/${scope}`;
  const emulator = createGraphEmulator({
    appId: metaConfig().appId,
    appSecret: metaConfig().appSecret,
    // Paging links and dialog redirects point back at whatever host this request reached.
    baseUrl: new URL(prefix, request.url).toString(),
    pathPrefix: prefix,
    // A sandbox behaves like an app with Standard access; development tier would throttle a single launch.
    accessTier: "standard",
    store,
  });
  return emulator.handle(request);
}
