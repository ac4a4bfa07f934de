import { env } from "@/lib/env";

/**
 * Structured JSON lines on stdout/stderr. Callers pass context objects, never
 * secrets: tokens, passwords and keys are redacted by name as a safety net.
 */
type Level = "debug" | "info" | "warn" | "error";
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const SECRET_KEYS = /pass(word)?|token|secret|key|authorization|cookie/i;

function redact(value: unknown, depth = 0): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  if (!value || typeof value !== "object" || depth > 4) return value;
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, SECRET_KEYS.test(key) ? "[redacted]" : redact(inner, depth + 1)]),
  );
}

function write(level: Level, message: string, context?: Record<string, unknown>): void {
  if (ORDER[level] < ORDER[env.LOG_LEVEL] || env.NODE_ENV === "test") return;
  const line = JSON.stringify({ level, time: new Date().toISOString(), message, ...(redact(context) as object) });
  if (level === "error" || level === "warn") console.error(line);
  else console.log(line);
}

export const logger = {
  debug: (message: string, context?: Record<string, unknown>) => write("debug", message, context),
  info: (message: string, context?: Record<string, unknown>) => write("info", message, context),
  warn: (message: string, context?: Record<string, unknown>) => write("warn", message, context),
  error: (message: string, context?: Record<string, unknown>) => write("error", message, context),
};
