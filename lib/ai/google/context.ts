import "server-only";
import type { GoogleGenAI } from "@google/genai";
import { toAiError } from "./classify-error";
import { withRetry, type RetryPolicy } from "./retry";

export type GoogleModels = { text: string; image: string; video: string };

/** What every call needs: the SDK client, the key (for downloads), models and the retry policy. */
export type GoogleContext = {
  ai: GoogleGenAI;
  apiKey: string;
  /** the API origin in use; downloads may send the key there and to *.googleapis.com only */
  apiOrigin: string;
  models: GoogleModels;
  timeoutMs: number;
  retry: RetryPolicy;
  sleep: (ms: number) => Promise<void>;
  /** image models seen refusing an aspect ratio, so later calls go straight to the fallback */
  refusedRatios: Set<string>;
};

/** One request to Google, with errors mapped to AiError and the retryable ones retried. */
export function callGoogle<T>(context: GoogleContext, run: () => Promise<T>): Promise<T> {
  return withRetry(
    () =>
      run().catch((error: unknown) => {
        throw toAiError(error, context.apiKey);
      }),
    context.retry,
    context.sleep,
  );
}
