import "server-only";
import { Counter, Gauge, Histogram, Registry } from "prom-client";

/**
 * Prometheus metrics of this process (`GET /api/metrics`, bearer token). On
 * serverless hosts each instance has its own counters; scrape a long-running
 * server, or read the same facts from the database (job_runs, ai_usage).
 * One registry per process, kept on globalThis so dev reloads do not register twice.
 */
function create() {
  const registry = new Registry();
  registry.setDefaultLabels({ app: "adpilot" });
  return {
    registry,
    httpRequestSeconds: new Histogram({ name: "adpilot_http_request_seconds", help: "Requests served (pages, server actions, route handlers) by route, method and status class", labelNames: ["route", "method", "status"], buckets: [0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2.5, 5, 10], registers: [registry] }),
    jobStepSeconds: new Histogram({ name: "adpilot_job_step_seconds", help: "Time one job step took (steps replayed from the journal are not counted)", labelNames: ["job", "step"], buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60], registers: [registry] }),
    jobDeliveries: new Counter({ name: "adpilot_job_deliveries_total", help: "Job deliveries by job and outcome", labelNames: ["job", "outcome"], registers: [registry] }),
    jobDeliverySeconds: new Histogram({ name: "adpilot_job_delivery_seconds", help: "Time one job delivery took", labelNames: ["job"], buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 150], registers: [registry] }),
    metaCalls: new Counter({ name: "adpilot_meta_calls_total", help: "Graph API responses by outcome", labelNames: ["outcome"], registers: [registry] }),
    metaUsage: new Gauge({ name: "adpilot_meta_usage_percent", help: "Latest Meta usage percent per ad account (business use case)", labelNames: ["ad_account"], registers: [registry] }),
    aiCalls: new Counter({ name: "adpilot_ai_calls_total", help: "AI provider calls", labelNames: ["provider", "operation", "outcome"], registers: [registry] }),
    aiSeconds: new Histogram({ name: "adpilot_ai_call_seconds", help: "AI provider call latency", labelNames: ["provider", "operation"], buckets: [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120], registers: [registry] }),
    aiCostUsd: new Counter({ name: "adpilot_ai_cost_usd_total", help: "Estimated AI spend in USD", labelNames: ["provider", "operation"], registers: [registry] }),
  };
}

const cache = globalThis as typeof globalThis & { __adpilotMetrics?: ReturnType<typeof create> };
export const metrics = (cache.__adpilotMetrics ??= create());
