import pino from "pino";
import { env } from "@/lib/env";
import { currentLogFields } from "./log-context";

/**
 * Structured JSON lines (pino) on stdout. Every line carries the request id
 * and, in a job, the run and step (see log-context.ts). Callers pass context
 * objects, never secrets; anything whose key looks like a token, password or
 * key is redacted by name anyway, at any depth pino's paths cannot reach.
 */
const SECRET_KEYS = /pass(word)?|token|secret|key|authorization|cookie/i;

export function redact(value: unknown, depth = 0): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  if (!value || typeof value !== "object" || depth > 4) return value;
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, SECRET_KEYS.test(key) ? "[redacted]" : redact(inner, depth + 1)]),
  );
}

const base = pino({
  level: env.LOG_LEVEL,
  // Tests assert on behaviour, not log lines; their output stays readable.
  enabled: env.NODE_ENV !== "test",
  base: { app: "adpilot" },
  timestamp: pino.stdTimeFunctions.isoTime,
  messageKey: "message",
  formatters: { level: (label) => ({ level: label }) },
  mixin: () => currentLogFields(),
});

type Context = Record<string, unknown>;
const write = (level: "debug" | "info" | "warn" | "error") => (message: string, context?: Context) =>
  base[level]((context ? redact(context) : {}) as object, message);

export const logger = {
  debug: write("debug"),
  info: write("info"),
  warn: write("warn"),
  error: write("error"),
};
