import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { kv } from "@/lib/kv";
import { authSecret } from "@/lib/local-secrets";

/**
 * The `state` of the Facebook Login round trip: signed, bound to the user who
 * started it, single-use and valid for 10 minutes. A state that was replayed,
 * forged, expired or started by another user is refused before the code is used.
 */
const TTL_SECONDS = 10 * 60;

const sign = (nonce: string, userId: string, issuedAt: number) =>
  createHmac("sha256", authSecret()).update(`meta-oauth:${nonce}:${userId}:${issuedAt}`).digest("base64url");

export function createOAuthState(userId: string, now = Date.now()): string {
  const nonce = randomBytes(18).toString("base64url");
  const issuedAt = Math.floor(now / 1000);
  return `${nonce}.${issuedAt}.${sign(nonce, userId, issuedAt)}`;
}

export type StateCheck = { ok: true } | { ok: false; reason: "malformed" | "forged_or_foreign" | "expired" | "replayed" };

export async function consumeOAuthState(state: string | null, userId: string, now = Date.now()): Promise<StateCheck> {
  const parts = state?.split(".") ?? [];
  if (parts.length !== 3) return { ok: false, reason: "malformed" };
  const [nonce, issuedText, signature] = parts as [string, string, string];
  const issuedAt = Number(issuedText);
  if (!Number.isInteger(issuedAt)) return { ok: false, reason: "malformed" };
  const expected = Buffer.from(sign(nonce, userId, issuedAt));
  const actual = Buffer.from(signature);
  // Signed with the user id: another user's state fails here just like a forged one.
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return { ok: false, reason: "forged_or_foreign" };
  if (now / 1000 - issuedAt > TTL_SECONDS || issuedAt - now / 1000 > 60) return { ok: false, reason: "expired" };
  const first = await kv().set(`meta-oauth-state:${nonce}`, 1, { ifAbsent: true, ttlSeconds: TTL_SECONDS * 2 });
  return first ? { ok: true } : { ok: false, reason: "replayed" };
}
