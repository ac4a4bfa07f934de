import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";
import { PermanentJobError, RetryLater } from "@/lib/jobs/errors";
import { registerJob } from "@/lib/jobs/registry";

/**
 * Jobs that exist only for the job engine's tests: each records its side effects
 * in `effects` so a test can count how often each step really ran.
 */
export const effects: string[] = [];
const crashed = new Set<string>();

export const fourSteps = registerJob(
  defineJob({
    name: "test.four-steps",
    schema: z.object({ crashAfterStep: z.number().int().min(0).max(4).default(0) }),
    async run(context) {
      let total = 0;
      for (let index = 1; index <= 4; index++) {
        total += await context.step(`step-${index}`, () => {
          effects.push(`${context.runId}:step-${index}`);
          return index * 10;
        });
        await context.progress(index * 25, `Step ${index} of 4`);
        // The "process dies" once, right after step k was recorded.
        if (index === context.payload.crashAfterStep && !crashed.has(context.runId)) {
          crashed.add(context.runId);
          throw new Error(`simulated crash after step ${index}`);
        }
      }
      return { total };
    },
  }),
);

export const alwaysFails = registerJob(
  defineJob({
    name: "test.always-fails",
    schema: z.object({ permanent: z.boolean() }),
    async run(context) {
      await context.step("attempt", () => {
        effects.push(`${context.runId}:attempt`);
      });
      if (context.payload.permanent) throw new PermanentJobError("The ad account was disabled by Meta.");
      // Carries a userMessage, as MetaApiError does, so the run's error is readable.
      throw Object.assign(new Error("Meta answered 503"), { userMessage: "Meta had a temporary problem." });
    },
  }),
);

export const sleeper = registerJob(
  defineJob({
    name: "test.sleeper",
    schema: z.object({ seconds: z.number(), retryLater: z.boolean().default(false) }),
    async run(context) {
      await context.step("before", () => {
        effects.push(`${context.runId}:before`);
      });
      if (context.payload.retryLater) {
        await context.step("rate-limited", () => {
          if (!effects.includes(`${context.runId}:paused`)) {
            effects.push(`${context.runId}:paused`);
            throw new RetryLater(context.payload.seconds, "Waiting for Meta's rate limit to recover");
          }
        });
      } else {
        await context.sleep("pause", context.payload.seconds);
      }
      await context.step("after", () => {
        effects.push(`${context.runId}:after`);
      });
      return null;
    },
  }),
);

/** Returns a Meta-style id from a step, then crashes once, so the second delivery reads the stored value back. */
export const metaIdStep = registerJob(
  defineJob({
    name: "test.meta-id",
    schema: z.object({}),
    async run(context) {
      const id = await context.step("create", () => "120210000000000007");
      if (!crashed.has(context.runId)) {
        crashed.add(context.runId);
        throw new Error("simulated crash after create");
      }
      return { id };
    },
  }),
);
