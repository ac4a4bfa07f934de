import { describe, expect, it } from "vitest";
import { PUBLIC_RATE_LIMITS } from "@/lib/http/limit-by-ip";

const deauthorize = await import("./deauthorize/route");

const forged = (ip: string) =>
  new Request("http://127.0.0.1/api/meta/deauthorize", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": ip },
    body: "signed_request=forged.payload",
  });

/**
 * Upstash's sliding window weighs the previous fixed window's count and floors it,
 * so a burst that straddles a window edge may get one call more than the limit.
 * Starting clear of the edge keeps the assertion exact on both stores.
 */
async function clearOfWindowEdge(windowSeconds: number) {
  const window = windowSeconds * 1000;
  const intoWindow = Date.now() % window;
  if (intoWindow > window - 5000) await new Promise((resolve) => setTimeout(resolve, window - intoWindow + 50));
}

describe("public Meta callbacks", () => {
  it("answer 429 with Retry-After once one address sends more than the limit, and other addresses are unaffected", async () => {
    await clearOfWindowEdge(PUBLIC_RATE_LIMITS.metaCallbackPerIp.windowSeconds);
    const ip = `198.51.100.${Math.floor(Math.random() * 200) + 1}`;
    for (let call = 0; call < PUBLIC_RATE_LIMITS.metaCallbackPerIp.limit; call++) expect((await deauthorize.POST(forged(ip))).status).toBe(400);
    const refused = await deauthorize.POST(forged(ip));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await refused.json()).error.code).toBe("rate_limited");
    expect((await deauthorize.POST(forged("203.0.113.9"))).status).toBe(400);
  }, 20_000);
});
