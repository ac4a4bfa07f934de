import { describe, expect, it } from "vitest";
import { classifyMetaError } from "./errors";

describe("Meta error classification", () => {
  it.each([
    [{ code: 190, error_subcode: 463, message: "Session has expired" }, 400, "auth"],
    [{ code: 190, error_subcode: 460 }, 400, "auth"],
    [{ code: 200, message: "Permissions error" }, 403, "permission"],
    [{ code: 10 }, 400, "permission"],
    [{ code: 294 }, 400, "permission"],
    [{ code: 17, error_subcode: 2446079 }, 400, "rate_limited"],
    [{ code: 80004 }, 400, "rate_limited"],
    [{ code: 4 }, 400, "rate_limited"],
    [{ code: 1, is_transient: true }, 500, "transient"],
    [{ code: 2 }, 503, "transient"],
    [{ code: 100, error_subcode: 1487534 }, 400, "invalid_request"],
  ] as const)("%o (HTTP %i) is %s", (error, status, kind) => {
    expect(classifyMetaError({ status, error }).kind).toBe(kind);
  });

  it("treats network failures and bare 5xx as transient", () => {
    expect(classifyMetaError({ status: null }).kind).toBe("transient");
    expect(classifyMetaError({ status: 502 }).kind).toBe("transient");
  });

  it("takes the wait from estimated_time_to_regain_access, in minutes", () => {
    const headers = new Headers({
      "x-business-use-case-usage": JSON.stringify({ "123": [{ type: "ads_management", call_count: 100, estimated_time_to_regain_access: 7 }] }),
    });
    expect(classifyMetaError({ status: 400, error: { code: 80004 }, headers }).details.retryAfterSeconds).toBe(420);
    expect(classifyMetaError({ status: 400, error: { code: 613, error_subcode: 1487632 } }).details.retryAfterSeconds).toBe(3600);
    expect(classifyMetaError({ status: 400, error: { code: 17 } }).details.retryAfterSeconds).toBe(300);
  });

  it("shows Meta's own words for invalid requests, and a reconnect prompt for auth", () => {
    const invalid = classifyMetaError({ status: 400, error: { code: 100, error_user_msg: "The daily budget is too low.", message: "Invalid parameter" } });
    expect(invalid.userMessage).toBe("The daily budget is too low.");
    expect(classifyMetaError({ status: 400, error: { code: 190, error_user_msg: "x" } }).userMessage).toMatch(/Reconnect your account/);
  });
});
