import type { JobDispatch } from "@/db/schema";

/** Hands a pending dispatch (already committed to the outbox) to whatever delivers it. */
export interface Dispatcher {
  readonly kind: "qstash" | "local-dispatcher";
  publish(dispatch: JobDispatch): Promise<void>;
}

export type DeliveryEnvelope = { runId: string } | { schedule: string };
