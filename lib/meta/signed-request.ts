import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

const payloadSchema = z
  .object({
    algorithm: z.literal("HMAC-SHA256"),
    // What meta_accounts and meta_data_deletions can hold (varchar(255), no NUL): anything else matches no one and cannot be recorded.
    user_id: z
      .string()
      .min(1)
      .max(255)
      .refine((id) => !id.includes("\u0000")),
    issued_at: z.number().int(),
  })
  .passthrough();

export type SignedRequest = z.infer<typeof payloadSchema>;

/**
 * Verifies a Meta `signed_request` (deauthorize and data-deletion callbacks):
 * `base64url(signature).base64url(payload)`, signature = HMAC-SHA256(app secret,
 * the payload segment exactly as sent), compared in constant time. Returns null
 * for anything forged, malformed, stale or signed with another algorithm.
 */
// Meta calls right after signing; an old one is a replay (a request captured from a log, say).
const MAX_AGE_SECONDS = 60 * 60;

export function verifySignedRequest(signedRequest: string, appSecret: string, now = Date.now()): SignedRequest | null {
  const parts = signedRequest.split(".");
  if (parts.length !== 2 || !parts[0] || !parts[1]) return null;
  const [signaturePart, payloadPart] = parts as [string, string];
  const expected = createHmac("sha256", appSecret).update(payloadPart).digest();
  const actual = Buffer.from(signaturePart, "base64url");
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(Buffer.from(payloadPart, "base64url").toString("utf8")));
    if (!parsed.success) return null;
    const age = now / 1000 - parsed.data.issued_at;
    return age <= MAX_AGE_SECONDS && age >= -300 ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The inverse, for the sandbox and tests. */
export function createSignedRequest(payload: Record<string, unknown>, appSecret: string): string {
  const body = Buffer.from(JSON.stringify({ algorithm: "HMAC-SHA256", issued_at: Math.floor(Date.now() / 1000), ...payload })).toString("base64url");
  return `${createHmac("sha256", appSecret).update(body).digest("base64url")}.${body}`;
}
