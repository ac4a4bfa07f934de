import { describe, expect, it } from "vitest";
import { createGraphEmulator, SANDBOX } from "./index";
import { APP } from "./test-support";

// Found by fuzzing the in-app sandbox (tests/security/fuzz-routes.test.ts): both of these were 500s there.
describe("request parameters the emulator refuses as Graph does, with (#100)", () => {
  const base = "http://graph.test";
  const emulator = createGraphEmulator({ ...APP, baseUrl: base });
  const token = emulator.issueToken({ userId: SANDBOX.sam.userId, scopes: ["ads_read"] });
  const answer = async (path: string, init?: RequestInit) => {
    const response = await emulator.handle(new Request(`${base}${path}`, init));
    return { status: response.status, error: ((await response.json()) as { error: { message: string; code: number } }).error };
  };

  it("a body that claims to be multipart and is not", async () => {
    const { status, error } = await answer(`/v24.0/me?access_token=${token}`, { method: "POST", headers: { "content-type": "multipart/form-data; boundary=nope" }, body: "garbage" });
    expect(status).toBe(400);
    expect(error).toMatchObject({ code: 100, message: "(#100) The request body is not valid multipart form data" });
  });

  it("a NUL character in a parameter or in the path (PostgreSQL, the sandbox's store, cannot hold one)", async () => {
    expect(await answer("/v24.0/me?access_token=%00")).toMatchObject({ status: 400, error: { code: 100, message: "(#100) Parameters cannot contain NUL characters" } });
    const body = JSON.stringify({ name: { nested: "a\u0000b" } });
    expect((await answer(`/v24.0/me?access_token=${token}`, { method: "POST", headers: { "content-type": "application/json" }, body })).error.code).toBe(100);
    expect(await answer(`/v24.0/act_1%00?access_token=${token}`)).toMatchObject({ status: 400, error: { code: 100, message: expect.stringContaining("Object with ID 'act_1' does not exist") } });
  });
});
