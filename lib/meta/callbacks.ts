import "server-only";
import { logger } from "@/lib/observability/logger";
import { metaConfig } from "./config";
import { verifySignedRequest, type SignedRequest } from "./signed-request";

/** Reads and verifies the form-encoded `signed_request` Meta posts to its callbacks. */
export async function signedRequestFrom(request: Request): Promise<SignedRequest | null> {
  let value: FormDataEntryValue | null = null;
  try {
    value = (await request.formData()).get("signed_request");
  } catch {
    value = null;
  }
  const verified = typeof value === "string" && value.length < 8192 ? verifySignedRequest(value, metaConfig().appSecret) : null;
  if (!verified) logger.warn("rejected Meta callback with an invalid signed_request", { path: new URL(request.url).pathname });
  return verified;
}
