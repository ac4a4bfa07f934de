import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce } from "./content-security-policy";

const directives = (policy: string) => Object.fromEntries(policy.split("; ").map((part) => [part.split(" ")[0], part.split(" ").slice(1)]));

describe("page Content-Security-Policy", () => {
  it("runs scripts only with the request's nonce, never inline or eval in production", () => {
    const nonce = newNonce();
    const policy = directives(contentSecurityPolicy(nonce));
    expect(policy["script-src"]).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(policy["frame-ancestors"]).toEqual(["'none'"]);
    expect(policy["object-src"]).toEqual(["'none'"]);
    expect(policy["connect-src"]).toEqual(["'self'"]);
    expect(directives(contentSecurityPolicy(nonce, { development: true }))["script-src"]).toContain("'unsafe-eval'");
  });

  it("makes a fresh 128-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    expect(Buffer.from([...nonces][0]!, "base64")).toHaveLength(16);
  });
});
