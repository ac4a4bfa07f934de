import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";

describe("client IP for rate limits", () => {
  it("takes the right-most forwarded address, which the nearest proxy added, not what the client claims", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9" }))).toBe("203.0.113.9");
    expect(clientIp(new Headers({ "x-forwarded-for": "198.51.100.4" }))).toBe("198.51.100.4");
  });

  it("ignores a client-sent x-real-ip off Vercel, and says unknown when there is nothing", () => {
    expect(clientIp(new Headers({ "x-real-ip": "6.6.6.6", "x-forwarded-for": "203.0.113.9" }))).toBe("203.0.113.9");
    expect(clientIp(new Headers())).toBe("unknown");
  });
});
