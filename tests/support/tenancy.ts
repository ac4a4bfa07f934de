import { randomUUID } from "node:crypto";
import { db } from "@/db";
import { users } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session";
import { testSession } from "./session";

/**
 * Tenant-isolation helpers: make two users, act as one, touch the other's data,
 * expect a 404. Every new route and action gets a case built from these.
 */
export async function createUser(overrides: Partial<typeof users.$inferInsert> = {}): Promise<SessionUser> {
  const [row] = await db
    .insert(users)
    .values({ email: `user-${randomUUID()}@example.test`, name: "Test User", ...overrides })
    .returning();
  return { id: row!.id, email: row!.email, name: row!.name, subscriptionTier: row!.subscriptionTier, role: row!.role };
}

export async function createTenants(): Promise<{ alice: SessionUser; bob: SessionUser }> {
  const [alice, bob] = await Promise.all([createUser({ name: "Alice" }), createUser({ name: "Bob" })]);
  return { alice, bob };
}

/** Signs the given user in for the code that follows; null signs out. */
export function actAs(user: SessionUser | null): void {
  testSession.current = user;
}
