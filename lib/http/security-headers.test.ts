import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config";

describe("security headers", () => {
  it("are sent on every path: no framing, no sniffing, HTTPS pinned, features off", async () => {
    const rules = await nextConfig.headers!();
    const everywhere = rules.find((rule) => rule.source === "/:path*");
    const headers = Object.fromEntries((everywhere?.headers ?? []).map((header) => [header.key.toLowerCase(), header.value]));
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
    expect(headers["strict-transport-security"]).toMatch(/max-age=\d{8}/);
  });
});
