import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, users } from "@/db/schema";
import { authenticate, registerUser } from "./credentials";
import { verifyPassword } from "./password";
import { AUTH_RATE_LIMITS } from "./rate-limits";
import { passwordWeakness, signInSchema, signUpSchema } from "./validation";

const email = () => `owner-${randomUUID().slice(0, 8)}@Bakery.Example`;
const ip = () => `test-ip-${randomUUID()}`;
const password = "Sourdough-rises-7";

describe("sign-up", () => {
  it("creates the user with a hashed password, starter tier and an audit entry", async () => {
    const input = signUpSchema.parse({ name: "  Ana  ", email: email(), password });
    const result = await registerUser(input, ip());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.user.email).toBe(input.email.toLowerCase());
    expect(result.user).toMatchObject({ name: "Ana", subscriptionTier: "starter", role: "member" });

    const [row] = await db.select().from(users).where(eq(users.id, result.user.id));
    expect(row!.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(row!.passwordHash).not.toContain(password);
    expect(await verifyPassword(password, row!.passwordHash!)).toBe(true);
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, result.user.id));
    expect(audit).toEqual([expect.objectContaining({ action: "user.sign_up", userId: result.user.id })]);
    expect(JSON.stringify(audit)).not.toContain(password);
  });

  it("refuses a duplicate email, whatever its case, and writes nothing", async () => {
    const address = email();
    expect((await registerUser(signUpSchema.parse({ email: address, password }), ip())).ok).toBe(true);
    const again = await registerUser(signUpSchema.parse({ email: address.toUpperCase(), password: "Another-pass-99" }), ip());
    expect(again).toEqual({ ok: false, error: "email_taken" });
    expect(await db.select().from(users).where(eq(users.email, address.toLowerCase()))).toHaveLength(1);
  });

  it("lets only one of two simultaneous sign-ups with the same email through", async () => {
    const input = signUpSchema.parse({ email: email(), password });
    const results = await Promise.all([registerUser(input, ip()), registerUser(input, ip())]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, error: "email_taken" }]);
  });

  it("explains weak passwords and bad emails", () => {
    expect(passwordWeakness("short")).toBe("Use at least 10 characters.");
    expect(passwordWeakness("aaaaaaaaaaaa")).toBe("Don't repeat a single character.");
    expect(passwordWeakness("Password123")).toBe("That password is too common; choose another.");
    expect(passwordWeakness("onlyletterslong")).toBe("Mix letters with numbers or symbols, or use 16+ characters.");
    expect(passwordWeakness("bakery-owner-2024", "bakery@x.com")).toBe("Don't include your email address in your password.");
    expect(passwordWeakness("correct horse battery staple")).toBeNull();
    expect(passwordWeakness("x".repeat(100) + "é".repeat(20) + "1")).toBe("Use at most 128 bytes.");
    const bad = signUpSchema.safeParse({ email: "not-an-email", password: "short" });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`);
    expect(messages).toContain("email: Enter a valid email address, like you@business.com.");
  });

  it("rate limits sign-ups per IP", async () => {
    const address = ip();
    const results = [];
    for (let i = 0; i <= AUTH_RATE_LIMITS.signUpPerIp.limit; i++) {
      results.push(await registerUser(signUpSchema.parse({ email: email(), password }), address));
    }
    expect(results.slice(0, -1).every((result) => result.ok)).toBe(true);
    expect(results.at(-1)).toMatchObject({ ok: false, error: "rate_limited" });
    expect((results.at(-1) as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
  });
});

describe("sign-in", () => {
  async function account() {
    const input = signUpSchema.parse({ email: email(), password });
    const result = await registerUser(input, ip());
    if (!result.ok) throw new Error("setup failed");
    return input.email;
  }

  it("accepts the right password and returns the session fields", async () => {
    const address = await account();
    const result = await authenticate(signInSchema.parse({ email: address.toUpperCase(), password }), ip());
    expect(result).toMatchObject({ ok: true, user: { email: address, subscriptionTier: "starter", role: "member" } });
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    const address = await account();
    const wrong = await authenticate({ email: address, password: "Sourdough-rises-8" }, ip());
    const unknown = await authenticate({ email: `nobody-${randomUUID()}@example.test`, password }, ip());
    expect(wrong).toEqual({ ok: false, error: "invalid_credentials" });
    expect(unknown).toEqual(wrong);
  });

  it("rate limits guesses against one account from many addresses", async () => {
    const address = await account();
    const results = [];
    for (let i = 0; i <= AUTH_RATE_LIMITS.signInPerEmail.limit; i++) {
      results.push(await authenticate({ email: address, password: `guess-${i}-Aa` }, ip()));
    }
    expect(results.at(-2)).toEqual({ ok: false, error: "invalid_credentials" });
    expect(results.at(-1)).toMatchObject({ ok: false, error: "rate_limited" });
    // Even the right password waits out the window: the limit is not an oracle.
    expect(await authenticate({ email: address, password }, ip())).toMatchObject({ ok: false, error: "rate_limited" });
  });

  it("rate limits one address trying many accounts", async () => {
    const attacker = ip();
    let last;
    for (let i = 0; i <= AUTH_RATE_LIMITS.signInPerIp.limit; i++) {
      last = await authenticate({ email: `victim-${i}-${randomUUID()}@example.test`, password }, attacker);
    }
    expect(last).toMatchObject({ ok: false, error: "rate_limited" });
  });
});
