import type { SessionUser } from "@/lib/auth/session";

export const testSession: { current: SessionUser | null } = { current: null };
