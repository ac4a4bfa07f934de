import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { EmulatorContext } from "./context";
import { badAppsecretProof, expiredToken, invalidToken, missingToken } from "./errors";
import type { Params } from "./params";
import type { TokenRecord, UserRecord } from "./types";

export const SHORT_LIVED_SECONDS = 2 * 3600;
export const LONG_LIVED_SECONDS = 60 * 24 * 3600;
const DATA_ACCESS_SECONDS = 90 * 24 * 3600;

/** Opaque, alphanumeric like Meta's user tokens; the "EAAB" prefix is what real ones start with. */
function randomAlnum(length: number): string {
  let text = "";
  while (text.length < length) text += randomBytes(length).toString("base64").replace(/[^A-Za-z0-9]/g, "");
  return text.slice(0, length);
}

export const newTokenString = () => `EAAB${randomAlnum(180)}`;
export const newAuthCode = () => `AQ${randomAlnum(300)}`;

export function buildToken(ctx: EmulatorContext, args: { userId: string; scopes: string[]; expiresInSeconds?: number; kind?: "short" | "long" }): TokenRecord {
  const now = ctx.now();
  const kind = args.kind ?? "long";
  const lifetime = args.expiresInSeconds ?? (kind === "short" ? SHORT_LIVED_SECONDS : LONG_LIVED_SECONDS);
  return {
    id: newTokenString(),
    appId: ctx.appId,
    userId: args.userId,
    scopes: [...new Set(args.scopes)],
    kind,
    issuedAt: now.toISOString(),
    expiresAt: lifetime === 0 ? null : new Date(now.getTime() + lifetime * 1000).toISOString(),
    dataAccessExpiresAt: new Date(now.getTime() + DATA_ACCESS_SECONDS * 1000).toISOString(),
  };
}

export const isExpired = (token: TokenRecord, now: Date) => token.expiresAt !== null && new Date(token.expiresAt).getTime() <= now.getTime();

/** The SDK sends the token in the query; other clients use `Authorization: Bearer` (or Graph's older `OAuth`). */
export function tokenFromRequest(params: Params, authorization: string | null): string | undefined {
  return params.string("access_token") || /^(?:Bearer|OAuth)\s+(.+)$/i.exec(authorization ?? "")?.[1]?.trim();
}

export const appsecretProof = (appSecret: string, token: string) => createHmac("sha256", appSecret).update(token).digest("hex");

/** Resolves and checks the caller's user token, including appsecret_proof when one is sent. */
export async function authenticate(ctx: EmulatorContext, params: Params, authorization: string | null): Promise<{ token: TokenRecord; user: UserRecord }> {
  const raw = tokenFromRequest(params, authorization);
  if (!raw) throw missingToken();
  const token = await ctx.store.get("tokens", raw);
  if (!token || token.appId !== ctx.appId) throw invalidToken();
  const now = ctx.now();
  if (isExpired(token, now)) throw expiredToken(new Date(token.expiresAt ?? 0), now);
  const proof = params.string("appsecret_proof");
  if (proof !== undefined) {
    const expected = Buffer.from(appsecretProof(ctx.appSecret, raw), "utf8");
    const given = Buffer.from(proof, "utf8");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw badAppsecretProof();
  }
  const user = await ctx.store.get("users", token.userId);
  if (!user) throw invalidToken();
  return { token, user };
}
