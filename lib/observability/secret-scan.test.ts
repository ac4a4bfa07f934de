import { describe, expect, it } from "vitest";
import { findSecrets } from "./secret-scan";

const KNOWN = [
  { name: "e2e password", value: "Harbour-lights-42" },
  { name: "AUTH_SECRET", value: "dGhpcy1pcy1ub3QtYS1yZWFsLXNlY3JldC0xMjM0NTY" },
];

describe("secret scan of logs", () => {
  it("finds known values and token-shaped strings, with their line", () => {
    const log = [
      '{"level":"info","msg":"job succeeded","runId":"5f1b7d2e"}',
      `{"level":"warn","msg":"graph call failed","url":"https://graph.example/v24.0/me?access_token=EAAB${"x".repeat(180)}"}`,
      "signing in with Harbour-lights-42",
      "key=AIzaSy-test-key-0123456789abcdefghijkl",
    ].join("\n");
    expect(findSecrets(log, KNOWN)).toEqual([
      { what: "Meta access token", line: 2 },
      { what: "e2e password", line: 3 },
      { what: "Google API key", line: 4 },
    ]);
  });

  it("passes clean logs, redacted fields and short values that would match by accident", () => {
    const log = '{"level":"info","msg":"connected","accessToken":"[redacted]","tokenPrefix":"EAAB"}\nok';
    expect(findSecrets(log, [...KNOWN, { name: "short", value: "ok" }])).toEqual([]);
  });
});
