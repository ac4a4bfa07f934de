import "server-only";
import { lookup as dnsLookup } from "node:dns/promises";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import type { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import { env } from "@/lib/env";
import { isInternalHostname, isPublicAddress } from "./address-policy";
import { pinnedLookup, type ResolvedAddress } from "./pinned-lookup";
import { describeBytes, describeSeconds, networkError, refusedPrivate, SafeFetchError, statusError } from "./safe-fetch-error";

export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export type SafeFetchOptions = {
  /** Body size limit, after decompression. Default 2 MB. */
  maxBytes?: number;
  /** For the whole fetch: every DNS lookup, redirect and the body. Default 10 s. */
  timeoutMs?: number;
  /** Default 5. */
  maxRedirects?: number;
  /** What the caller can use; anything else is refused before the body is read. */
  accept?: "html" | "image" | "css";
  /** Replaces the system resolver (tests inject answers; every answer is still checked). */
  resolver?: Resolver;
  /**
   * Exact loopback "address:port" pairs ("127.0.0.1:41234", "[::1]:41234") that a
   * test server listens on. Only honoured when NODE_ENV is "test", and only exact
   * pairs, so no configuration can open a private range to user-supplied URLs.
   */
  allowPrivateForTests?: readonly string[];
};

export type SafeFetchResult = {
  /** The URL after redirects. */
  url: string;
  status: number;
  /** The Content-Type header as sent, charset included ("" when missing). */
  contentType: string;
  body: Buffer;
};

const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_REDIRECTS = 5;
const MAX_URL_LENGTH = 2048;
const USER_AGENT = "AdPilotBot/1.0 (+brand analyzer)";
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

type Kind = { noun: string; what: string; accept: string; matches: (mime: string) => boolean };

const KINDS: Record<NonNullable<SafeFetchOptions["accept"]>, Kind> = {
  html: {
    noun: "page",
    what: "a web page",
    accept: "text/html,application/xhtml+xml;q=0.9",
    matches: (mime) => mime === "text/html" || mime === "application/xhtml+xml",
  },
  image: {
    noun: "image",
    what: "an image",
    accept: "image/avif,image/webp,image/png,image/svg+xml,image/*;q=0.8",
    matches: (mime) => mime.startsWith("image/"),
  },
  css: { noun: "stylesheet", what: "a stylesheet", accept: "text/css", matches: (mime) => mime === "text/css" },
};
const ANY: Kind = { noun: "response", what: "", accept: "*/*", matches: () => true };

const DECOMPRESSORS: Record<string, () => Transform> = {
  gzip: createGunzip,
  "x-gzip": createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/**
 * GET a URL a user typed, without letting it reach this machine or its network:
 * every hop's host is resolved here, every address checked, and the connection
 * made to exactly the address that was checked. Throws SafeFetchError.
 */
export async function safeFetch(url: string, options: SafeFetchOptions = {}): Promise<SafeFetchResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const kind = options.accept ? KINDS[options.accept] : ANY;
  const allowed = new Set([...testAllowlist(options.allowPrivateForTests), ...demoAllowlist()]);
  const resolver = options.resolver ?? systemResolver;

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let current = url;
  try {
    for (let redirects = 0; ; redirects += 1) {
      const target = parseTarget(current);
      current = target.href;
      const addresses = await resolveTarget(target, resolver, allowed, controller.signal);
      const response = await send(target, addresses, kind, controller.signal);
      const status = response.statusCode ?? 0;

      if (REDIRECT_STATUSES.has(status)) {
        response.destroy();
        const location = response.headers.location;
        if (!location) throw new SafeFetchError("network", "The site sent a redirect without saying where to.", { url: current, status });
        if (redirects >= maxRedirects) throw new SafeFetchError("too_many_redirects", "Too many redirects.", { url: current });
        current = new URL(location, target).href;
        continue;
      }
      if (status < 200 || status > 299) {
        response.destroy();
        throw statusError(current, status);
      }
      const contentType = response.headers["content-type"] ?? "";
      const mime = contentType.split(";")[0]!.trim().toLowerCase();
      if (!kind.matches(mime)) {
        response.destroy();
        throw new SafeFetchError("content_type", `That is not ${kind.what} (it is ${mime || "of an unknown type"}).`, { url: current });
      }
      const body = await readBody(response, maxBytes, kind, current, controller.signal);
      return { url: current, status, contentType, body };
    }
  } catch (error) {
    // Whatever broke once the clock ran out (socket destroyed, stream aborted) is the timeout.
    if (controller.signal.aborted) {
      throw new SafeFetchError("timeout", `The site did not answer within ${describeSeconds(timeoutMs)}.`, { url: current, cause: error });
    }
    if (error instanceof SafeFetchError) throw error;
    if (error instanceof TypeError && "code" in error && error.code === "ERR_INVALID_URL") {
      throw new SafeFetchError("invalid_url", "The site redirected to an address that is not valid.", { url: current, cause: error });
    }
    throw networkError(current, error);
  } finally {
    clearTimeout(timer);
  }
}

function parseTarget(text: string): URL {
  let url: URL;
  try {
    if (text.length > MAX_URL_LENGTH) throw new Error("too long");
    url = new URL(text.trim());
  } catch (error) {
    throw new SafeFetchError("invalid_url", "That does not look like a web address.", { url: text.slice(0, 200), cause: error });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new SafeFetchError("scheme", "AdPilot can only fetch web addresses that start with http:// or https://.", { url: url.protocol });
  }
  if (url.username || url.password) {
    throw new SafeFetchError("invalid_url", "Remove the username and password from the address and try again.", { url: `${url.protocol}//${url.host}` });
  }
  url.hash = "";
  return url;
}

/** `URL.hostname` keeps IPv6 literals in brackets; sockets and lookups want them bare. */
function bareHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, "$1");
}

function portOf(url: URL): number {
  return Number(url.port || (url.protocol === "https:" ? 443 : 80));
}

function hostPort(address: string, port: number): string {
  return address.includes(":") ? `[${address}]:${port}` : `${address}:${port}`;
}

const LOOPBACK_PAIR = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\]):\d{1,5}$/;

function testAllowlist(entries: readonly string[] | undefined): ReadonlySet<string> {
  if (!entries || entries.length === 0) return new Set();
  // A programming error, not a user's: fail loudly rather than quietly open a hole.
  if (env.NODE_ENV !== "test") throw new Error("safeFetch: allowPrivateForTests is only honoured in tests");
  const invalid = entries.find((entry) => !LOOPBACK_PAIR.test(entry));
  if (invalid) throw new Error(`safeFetch: allowPrivateForTests takes exact loopback "address:port" pairs, not ${invalid}`);
  return new Set(entries);
}

/**
 * SAFE_FETCH_ALLOWLIST: the same exact loopback pairs, for a local demo site and
 * the browser tests, which run the built app (NODE_ENV=production) against a page
 * served on this machine. lib/env refuses the variable in production.
 */
function demoAllowlist(): string[] {
  const entries = (env.SAFE_FETCH_ALLOWLIST ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  const invalid = entries.find((entry) => !LOOPBACK_PAIR.test(entry));
  if (invalid) throw new Error(`SAFE_FETCH_ALLOWLIST takes exact loopback "address:port" pairs, not ${invalid}`);
  return entries;
}

async function resolveTarget(url: URL, resolver: Resolver, allowed: ReadonlySet<string>, signal: AbortSignal): Promise<ResolvedAddress[]> {
  const host = bareHost(url);
  const port = portOf(url);
  const permitted = (address: string) => isPublicAddress(address) || allowed.has(hostPort(address, port));

  // WHATWG URL has already turned 0x7f000001, 2130706433 and 0177.0.0.1 into 127.0.0.1.
  const family = isIP(host);
  if (family !== 0) {
    if (!permitted(host)) throw refusedPrivate(url.href);
    return [{ address: host, family }];
  }
  if (isInternalHostname(host)) throw refusedPrivate(url.href);

  let answers: ResolvedAddress[];
  try {
    answers = await abortable(resolver(host), signal);
  } catch (error) {
    if (signal.aborted) throw error;
    throw new SafeFetchError("dns", "We could not find that website — check the address.", { url: url.href, cause: error });
  }
  if (answers.length === 0) throw new SafeFetchError("dns", "We could not find that website — check the address.", { url: url.href });
  // One private answer is enough to refuse: we cannot know which one a client would use.
  if (!answers.every((answer) => permitted(answer.address))) throw refusedPrivate(url.href);
  return answers;
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

function send(url: URL, addresses: ResolvedAddress[], kind: Kind, signal: AbortSignal): Promise<IncomingMessage> {
  const host = bareHost(url);
  const secure = url.protocol === "https:";
  const options: https.RequestOptions = {
    host,
    port: portOf(url),
    path: `${url.pathname}${url.search}`,
    method: "GET",
    headers: {
      Host: url.host,
      "User-Agent": USER_AGENT,
      Accept: kind.accept,
      "Accept-Encoding": "gzip, deflate, br",
      "Accept-Language": "en;q=0.9, *;q=0.5",
    },
    lookup: pinnedLookup(host, addresses),
    // A fresh connection per hop: a pooled socket could be one opened for another host.
    agent: false,
    signal,
    // SNI and certificate checks use the name, while the socket goes to the pinned address.
    ...(secure && isIP(host) === 0 ? { servername: host } : {}),
  };
  return new Promise((resolve, reject) => {
    const request = (secure ? https : http).request(options, resolve);
    request.on("error", reject);
    request.end();
  });
}

async function readBody(response: IncomingMessage, maxBytes: number, kind: Kind, url: string, signal: AbortSignal): Promise<Buffer> {
  const tooLarge = () => new SafeFetchError("too_large", `The ${kind.noun} is larger than ${describeBytes(maxBytes)}.`, { url });
  const declared = Number(response.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let total = 0;
  let overflow: SafeFetchError | undefined;
  // Counted after decompression, so a small gzip bomb cannot get past the limit.
  const collect = async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) {
      total += chunk.length;
      if (total > maxBytes) throw (overflow = tooLarge());
      chunks.push(chunk);
    }
  };
  const encoding = (response.headers["content-encoding"] ?? "identity").trim().toLowerCase();
  const decompress = encoding === "identity" || encoding === "" ? null : DECOMPRESSORS[encoding];
  if (decompress === undefined) {
    response.destroy();
    throw new SafeFetchError("network", "The site sent an answer AdPilot could not read.", { url });
  }
  try {
    if (decompress) await pipeline(response, decompress(), collect, { signal });
    else await pipeline(response, collect, { signal });
  } catch (error) {
    // Tearing down a three-stage pipeline can surface as an AbortError from another stage.
    if (overflow) throw overflow;
    if (error instanceof SafeFetchError || signal.aborted || !decompress) throw error;
    throw new SafeFetchError("network", "The site sent an answer AdPilot could not read.", { url, cause: error });
  }
  return Buffer.concat(chunks);
}
