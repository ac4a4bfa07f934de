// GET, POST /api/auth/*: Auth.js (session, CSRF token, callbacks, sign-out).
import { handlers } from "@/lib/auth/auth";

export const { GET, POST } = handlers;
