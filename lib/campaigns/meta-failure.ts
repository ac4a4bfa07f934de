import "server-only";
import { waitMessage } from "@/lib/forms/form-state";
import { PermanentJobError, RetryLater } from "@/lib/jobs/errors";
import { MetaApiError } from "@/lib/meta/errors";

/**
 * Why Meta could not be read for an interactive page, and what the marketer can
 * do: withMetaConnection speaks in job outcomes (wait, stop for good), which a
 * form turns into a sentence. Null for anything else, which is a bug to rethrow.
 */
export function describeMetaFailure(error: unknown): { message: string; fix: string } | null {
  if (error instanceof RetryLater) {
    return { message: "Meta is limiting how fast AdPilot can work on this ad account.", fix: `Try again in ${waitMessage(error.seconds)}.` };
  }
  if (error instanceof PermanentJobError) return { message: error.message, fix: "Reconnect Meta in Settings if this keeps happening." };
  if (error instanceof MetaApiError) return { message: error.userMessage, fix: "Try again in a few minutes." };
  return null;
}
