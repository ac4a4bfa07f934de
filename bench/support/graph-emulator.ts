import { startGraphEmulator, type GraphEmulator } from "@/emulators/meta-graph";

/** The Meta app the benches' emulator knows and the app under test signs its calls as. */
export const BENCH_META_APP = { appId: "990000000000001", appSecret: "bench-app-secret-0123456789abcdef" };

export type CountingGraph = {
  url: string;
  emulator: GraphEmulator;
  close(): Promise<void>;
  /** Graph calls served, and failures injected by kind, counted on the emulator's side of the wire. */
  counts: { served: number; injected: Record<string, number> };
};

/**
 * The standalone Graph emulator on a loopback port, with standard access and
 * async reports that finish in 1 ms, counting every call it serves (batch
 * items included) and every failure its fault rules inject.
 */
export async function startCountingGraph(): Promise<CountingGraph> {
  const graph = await startGraphEmulator({ ...BENCH_META_APP, accessTier: "standard", insights: { reportRunDurationMs: 1 } });
  const counts: CountingGraph["counts"] = { served: 0, injected: {} };
  const take = graph.emulator.faults.take.bind(graph.emulator.faults);
  graph.emulator.faults.take = (method, path) => {
    counts.served++;
    const plan = take(method, path);
    if (plan.failure) counts.injected[plan.failure.kind] = (counts.injected[plan.failure.kind] ?? 0) + 1;
    return plan;
  };
  return { ...graph, counts };
}

/** What the app under test needs to use this database and reach the emulator as Meta; set it before the app's modules load. */
export function graphBenchEnvironment(graphUrl: string, databaseUrl: string): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    APP_ENV: "local",
    LOG_LEVEL: "error",
    META_APP_ID: BENCH_META_APP.appId,
    META_APP_SECRET: BENCH_META_APP.appSecret,
    META_GRAPH_URL: graphUrl,
    AUTH_SECRET: "bench-auth-secret-0123456789abcdef0123456789",
  };
}
