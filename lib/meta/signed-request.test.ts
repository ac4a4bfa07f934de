import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSignedRequest, verifySignedRequest } from "./signed-request";

const secret = "app-secret-123";

describe("signed_request", () => {
  it("accepts what Meta signs and returns the user id", () => {
    const signed = createSignedRequest({ user_id: "10001" }, secret);
    expect(verifySignedRequest(signed, secret)).toMatchObject({ user_id: "10001", algorithm: "HMAC-SHA256" });
  });

  it.each([
    ["another app's secret", () => createSignedRequest({ user_id: "10001" }, "other-secret")],
    ["a changed payload", () => {
      const [signature] = createSignedRequest({ user_id: "10001" }, secret).split(".");
      return `${signature}.${Buffer.from(JSON.stringify({ algorithm: "HMAC-SHA256", user_id: "666" })).toString("base64url")}`;
    }],
    ["no signature", () => `.${Buffer.from("{}").toString("base64url")}`],
    ["three parts", () => "a.b.c"],
    ["not base64 JSON", () => {
      const body = "bm90IGpzb24";
      return `${createHmac("sha256", secret).update(body).digest("base64url")}.${body}`;
    }],
    ["another algorithm", () => {
      const body = Buffer.from(JSON.stringify({ algorithm: "HMAC-SHA1", user_id: "1" })).toString("base64url");
      return `${createHmac("sha256", secret).update(body).digest("base64url")}.${body}`;
    }],
    ["an empty string", () => ""],
    ["a replay from two hours ago", () => createSignedRequest({ user_id: "10001", issued_at: Math.floor(Date.now() / 1000) - 7200 }, secret)],
    // Found by fuzzing: correctly signed, but the id could never be stored, so recording the deletion failed with a 500.
    ["a user_id longer than any stored one", () => createSignedRequest({ user_id: "1".repeat(256) }, secret)],
    ["a user_id with a NUL character", () => createSignedRequest({ user_id: "100\u00001" }, secret)],
    ["no issued_at", () => {
      const body = Buffer.from(JSON.stringify({ algorithm: "HMAC-SHA256", user_id: "1" })).toString("base64url");
      return `${createHmac("sha256", secret).update(body).digest("base64url")}.${body}`;
    }],
  ])("rejects %s", (_label, make) => {
    expect(verifySignedRequest(make(), secret)).toBeNull();
  });
});
