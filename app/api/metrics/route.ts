// GET /api/metrics: this process's Prometheus metrics, for an operator's scraper holding METRICS_TOKEN.
import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { ApiError, notFound } from "@/lib/http/errors";
import { metrics } from "@/lib/observability/metrics";

export const dynamic = "force-dynamic";

function authorized(request: Request, token: string): boolean {
  const given = Buffer.from(request.headers.get("authorization") ?? "");
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function GET(request: Request): Promise<Response> {
  // Unconfigured, the endpoint is indistinguishable from a missing page.
  if (!env.METRICS_TOKEN) return notFound("page").toResponse();
  if (!authorized(request, env.METRICS_TOKEN)) return new ApiError("unauthorized", "A valid bearer token is required.", { "WWW-Authenticate": "Bearer" }).toResponse();
  return new Response(await metrics.registry.metrics(), { headers: { "Content-Type": metrics.registry.contentType, "Cache-Control": "no-store" } });
}
