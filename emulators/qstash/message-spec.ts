/**
 * Reads the `Upstash-*` request headers shared by publish and schedule create
 * into what a delivery needs. The client sets them in processHeaders /
 * Schedules.create; everything not starting with `Upstash-` or `Content-Type`
 * was already renamed to `Upstash-Forward-<name>` by the client.
 */
import type { IncomingMessage } from "node:http";
import { header, HttpError } from "./http";

export type MessageSpec = {
  method: string;
  /** Delivered headers: content-type plus the forwarded ones, unprefixed, lower-case. */
  headers: Record<string, string>;
  maxRetries: number;
  delaySeconds: number;
  /** `Upstash-Not-Before`: absolute earliest delivery, unix seconds on the wire. */
  notBefore?: Date;
};

const FORWARD_PREFIX = "upstash-forward-";
const METHODS = new Set(["GET", "POST", "PUT", "DELETE", "PATCH"]);
const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** `Upstash-Delay` is `<n><unit>` (the client's Duration type); also accept Go-style sums like "1h30m". */
export function parseDelaySeconds(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return 0;
  const text = value.trim();
  if (!/^(\d+[smhd])+$/.test(text)) throw new HttpError(400, `invalid Upstash-Delay header: ${value}`);
  let total = 0;
  for (const [, amount, unit] of text.matchAll(/(\d+)([smhd])/g)) total += Number(amount) * (UNIT_SECONDS[unit ?? "s"] ?? 1);
  return total;
}

function parseCount(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value.trim())) throw new HttpError(400, `invalid ${name} header: ${value}`);
  return Number(value);
}

export function parseMessageSpec(req: IncomingMessage, defaultRetries: number): MessageSpec {
  const method = (header(req, "upstash-method") ?? "POST").toUpperCase();
  if (!METHODS.has(method)) throw new HttpError(400, `invalid Upstash-Method header: ${method}`);

  const headers: Record<string, string> = {};
  const contentType = header(req, "content-type");
  if (contentType) headers["content-type"] = contentType;
  for (const name of Object.keys(req.headers)) {
    const value = header(req, name);
    if (name.startsWith(FORWARD_PREFIX) && value !== undefined) headers[name.slice(FORWARD_PREFIX.length)] = value;
  }

  const notBeforeHeader = header(req, "upstash-not-before");
  const notBefore = notBeforeHeader === undefined ? undefined : new Date(parseCount("Upstash-Not-Before", notBeforeHeader, 0) * 1000);

  return {
    method,
    headers,
    maxRetries: parseCount("Upstash-Retries", header(req, "upstash-retries"), defaultRetries),
    delaySeconds: parseDelaySeconds(header(req, "upstash-delay")),
    notBefore,
  };
}

/** Destination URLs arrive as the rest of the path (`/v2/publish/https://x/y?z`), query included. */
export function parseDestination(rawPathAndQuery: string): string {
  let url: URL;
  try {
    url = new URL(rawPathAndQuery);
  } catch {
    throw new HttpError(400, `destination must be a URL (URL groups and APIs are not emulated): ${rawPathAndQuery}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new HttpError(400, `invalid destination: ${rawPathAndQuery}`);
  return rawPathAndQuery;
}
