/** Runs once when a server process starts (not during `next build`). */
export async function register(): Promise<void> {
  // The one direct read of process.env outside lib/env.ts, on purpose: Next.js
  // inlines this literal per runtime, which is what keeps the Node-only job
  // workers out of the Edge bundle. Through lib/env.ts it would not be inlined.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Next.js opens a span per request once a tracer is registered: its timing feeds
  // the per-route latency histogram and its trace id is every log line's request id.
  const { startTracing } = await import("@/lib/observability/tracing");
  startTracing();
  const { startEmbeddedWorkers } = await import("@/lib/jobs/local/embedded-workers");
  startEmbeddedWorkers();
}

/**
 * Errors Next.js caught while rendering, in an action or a route handler, as one
 * structured line with the request id (Next's own console output has neither).
 */
export async function onRequestError(error: unknown, request: { path: string; method: string }, context: { routePath: string; routeType: string }): Promise<void> {
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logger } = await import("@/lib/observability/logger");
  logger.error("request failed", { error, method: request.method, path: request.path.split("?")[0], route: context.routePath, kind: context.routeType });
}
