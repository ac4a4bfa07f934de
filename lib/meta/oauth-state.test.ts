import { describe, expect, it } from "vitest";
import { consumeOAuthState, createOAuthState } from "./oauth-state";

describe("Facebook Login state", () => {
  it("is accepted once, for the user who started it", async () => {
    const state = createOAuthState("user-a");
    expect(await consumeOAuthState(state, "user-a")).toEqual({ ok: true });
    expect(await consumeOAuthState(state, "user-a")).toEqual({ ok: false, reason: "replayed" });
  });

  it("refuses another user's state, a forged one, an expired one and garbage", async () => {
    expect(await consumeOAuthState(createOAuthState("user-a"), "user-b")).toEqual({ ok: false, reason: "forged_or_foreign" });
    const [nonce, issued] = createOAuthState("user-a").split(".");
    expect(await consumeOAuthState(`${nonce}.${issued}.forged`, "user-a")).toEqual({ ok: false, reason: "forged_or_foreign" });
    const old = createOAuthState("user-a", Date.now() - 11 * 60_000);
    expect(await consumeOAuthState(old, "user-a")).toEqual({ ok: false, reason: "expired" });
    expect(await consumeOAuthState(null, "user-a")).toEqual({ ok: false, reason: "malformed" });
    expect(await consumeOAuthState("a.b", "user-a")).toEqual({ ok: false, reason: "malformed" });
  });
});
