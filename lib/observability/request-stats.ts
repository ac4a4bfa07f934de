import { percentile } from "./percentile";

/**
 * The last requests this server instance answered, kept in a fixed ring so the
 * Operations page and the alert check can ask "p95 and error rate over the last
 * five minutes" without a metrics backend. Per instance by nature: on Vercel
 * each instance sees its own slice (the histogram at /api/metrics is the same).
 */
export type RequestSample = { at: number; route: string; method: string; status: number; ms: number };

const CAPACITY = 5000;

class RequestRing {
  private readonly samples: RequestSample[] = [];
  private next = 0;

  add(sample: RequestSample): void {
    if (this.samples.length < CAPACITY) this.samples.push(sample);
    else this.samples[this.next] = sample;
    this.next = (this.next + 1) % CAPACITY;
  }

  since(at: number): RequestSample[] {
    return this.samples.filter((sample) => sample.at >= at);
  }
}

const cache = globalThis as typeof globalThis & { __adpilotRequests?: RequestRing };
const ring = (cache.__adpilotRequests ??= new RequestRing());

export function recordRequest(sample: RequestSample): void {
  ring.add(sample);
}

export type RequestSummary = {
  requests: number;
  errors: number;
  errorRate: number;
  p50Ms: number | null;
  p95Ms: number | null;
  slowest: Array<{ route: string; requests: number; p95Ms: number }>;
};

/** Latency and 5xx rate of the requests answered in the last `windowMs`. */
export function summarizeRequests(windowMs: number, now = Date.now()): RequestSummary {
  const recent = ring.since(now - windowMs);
  const byRoute = new Map<string, number[]>();
  for (const sample of recent) {
    const key = `${sample.method} ${sample.route}`;
    const values = byRoute.get(key);
    if (values) values.push(sample.ms);
    else byRoute.set(key, [sample.ms]);
  }
  const errors = recent.filter((sample) => sample.status >= 500).length;
  const all = recent.map((sample) => sample.ms).sort((a, b) => a - b);
  return {
    requests: recent.length,
    errors,
    errorRate: recent.length > 0 ? errors / recent.length : 0,
    p50Ms: percentile(all, 0.5),
    p95Ms: percentile(all, 0.95),
    slowest: [...byRoute]
      .map(([route, values]) => ({ route, requests: values.length, p95Ms: percentile(values.sort((a, b) => a - b), 0.95)! }))
      .sort((a, b) => b.p95Ms - a.p95Ms)
      .slice(0, 8),
  };
}
