import type { z } from "zod";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type JobContext<Payload> = {
  payload: Payload;
  runId: string;
  userId: string | null;
  /** 0 on the first delivery, then the number of earlier failed deliveries. */
  attempt: number;
  /**
   * Runs `fn` once per run: its JSON result is stored, and a redelivery returns the
   * stored value instead of running it again. Names must be stable and unique.
   */
  step<T extends Json | void>(name: string, fn: () => Promise<T> | T): Promise<T extends void ? null : T>;
  /** Ends this delivery and resumes the run after `seconds`, without holding a function open. */
  sleep(name: string, seconds: number): Promise<void>;
  /** What the user sees while the run is in flight. */
  progress(percent: number, message?: string): Promise<void>;
};

/** `Input` is what callers pass (defaults may fill it in); `Payload` is what `run` receives. */
export type JobDefinition<Payload = unknown, Result = unknown, Input = Payload> = {
  name: string;
  schema: z.ZodType<Payload, Input>;
  run(context: JobContext<Payload>): Promise<Result>;
  /** Called once when the run has failed for good (permanent error or retries exhausted). */
  onFailed?(payload: Payload, reason: string): Promise<void>;
};

/**
 * Declares a job. Code outside `step` must be deterministic: it runs again on
 * every delivery, while step results are replayed from the database.
 */
export function defineJob<Schema extends z.ZodType, Result extends Json | void>(definition: {
  name: string;
  schema: Schema;
  run(context: JobContext<z.output<Schema>>): Promise<Result>;
  onFailed?(payload: z.output<Schema>, reason: string): Promise<void>;
}): JobDefinition<z.output<Schema>, Result, z.input<Schema>> {
  if (!/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$/.test(definition.name)) {
    throw new Error(`Job name "${definition.name}" must be lower-case words joined by "." or "-"`);
  }
  return definition as JobDefinition<z.output<Schema>, Result, z.input<Schema>>;
}
