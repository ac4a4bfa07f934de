// GET /api/health: database reachability and which implementation each part uses. No secrets.
import { sql } from "drizzle-orm";
import { db } from "@/db";
import { deployment } from "@/lib/env";
import { kv } from "@/lib/kv";

export const dynamic = "force-dynamic";

async function timed(check: () => Promise<unknown>): Promise<{ ok: boolean; ms: number }> {
  const started = performance.now();
  try {
    await check();
    return { ok: true, ms: Math.round(performance.now() - started) };
  } catch {
    return { ok: false, ms: Math.round(performance.now() - started) };
  }
}

export async function GET(): Promise<Response> {
  const [database, cache] = await Promise.all([timed(() => db.execute(sql`select 1`)), timed(() => kv().ping())]);
  const ok = database.ok && cache.ok;
  return Response.json(
    { status: ok ? "ok" : "degraded", checks: { database, kv: cache }, parts: deployment },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
