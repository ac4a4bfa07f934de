/**
 * The `Upstash-Signature` JWT that QStash attaches to every delivery.
 *
 * Format (from QStash's security docs and @upstash/qstash's Receiver):
 *   header  {"alg":"HS256","typ":"JWT"}
 *   payload {"iss":"Upstash","sub":<destination url>,"exp":iat+300,"nbf":iat,"iat":<unix s>,
 *            "jti":"jwt_<random>","body":<base64url(sha256(raw body)) with "=" padding>}
 *   signed with HMAC-SHA256 using the signing key's UTF-8 bytes (the key string as-is,
 *   not base64-decoded: the Receiver does `new TextEncoder().encode(key)`).
 */
import { createHash, createHmac, randomBytes } from "node:crypto";

/** QStash's tokens live 5 minutes. */
const DEFAULT_TTL_SECONDS = 300;

/**
 * base64url of the body's SHA-256. QStash keeps the "=" padding (its docs show
 * `...zZvY4=`); the Receiver strips padding on both sides, so either verifies,
 * but we match what the real service sends.
 */
export function qstashBodyHash(body: string | Uint8Array): string {
  return createHash("sha256").update(body).digest("base64").replace(/\+/g, "-").replace(/\//g, "_");
}

const segment = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** Signs raw bytes too, so binary bodies are hashed exactly as they go over the wire. */
export function signDelivery(args: { key: string; url: string; body: string | Uint8Array; now?: Date; ttlSeconds?: number }): string {
  const iat = Math.floor((args.now ?? new Date()).getTime() / 1000);
  const header = segment({ alg: "HS256", typ: "JWT" });
  const payload = segment({
    iss: "Upstash",
    sub: args.url,
    exp: iat + (args.ttlSeconds ?? DEFAULT_TTL_SECONDS),
    nbf: iat,
    iat,
    jti: `jwt_${randomBytes(16).toString("base64url")}`,
    body: qstashBodyHash(args.body),
  });
  // JWS signatures are unpadded base64url (RFC 7515), unlike the body claim above.
  const signature = createHmac("sha256", args.key).update(`${header}.${payload}`).digest("base64url");
  return `${header}.${payload}.${signature}`;
}

/** The same JWT QStash would send for `body` delivered to `url`. */
export function signQStashJwt(args: { key: string; url: string; body: string; now?: Date; ttlSeconds?: number }): string {
  return signDelivery(args);
}
