import "server-only";
import { Receiver } from "@upstash/qstash";
import { createHash, createHmac, randomUUID } from "node:crypto";
import { qstashSigningKeys } from "@/lib/local-secrets";

const base64url = (input: Buffer | string) => Buffer.from(input).toString("base64url");

/**
 * Signs a delivery exactly as QStash does (HS256 JWT: iss "Upstash", sub = the
 * destination URL, body = base64url SHA-256 of the raw body), so the local
 * dispatcher's requests pass the same Receiver check as QStash's.
 */
export function signDelivery(args: { key: string; url: string; body: string; now?: Date; ttlSeconds?: number }): string {
  const issuedAt = Math.floor((args.now ?? new Date()).getTime() / 1000);
  const header = base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const claims = base64url(
    JSON.stringify({
      iss: "Upstash",
      sub: args.url,
      exp: issuedAt + (args.ttlSeconds ?? 300),
      nbf: issuedAt,
      iat: issuedAt,
      jti: randomUUID(),
      body: createHash("sha256").update(args.body).digest("base64url"),
    }),
  );
  const signature = createHmac("sha256", args.key).update(`${header}.${claims}`).digest("base64url");
  return `${header}.${claims}.${signature}`;
}

/** True only for a signature made with the current or next signing key, over this body, for this URL, unexpired. */
export async function verifyDelivery(signature: string | null, body: string, url: string): Promise<boolean> {
  if (!signature) return false;
  const keys = qstashSigningKeys();
  const receiver = new Receiver({ currentSigningKey: keys.current, nextSigningKey: keys.next });
  try {
    return await receiver.verify({ signature, body, url, clockTolerance: 5 });
  } catch {
    return false;
  }
}
