import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

/**
 * The SMTP connection AdPilot sends through, built from SMTP_URL. Tests point
 * it at a local sink with `setSmtpUrlForTests`, because `env` is read once at
 * start-up and the sink's port is only known when it listens.
 */
let override: { url: string | null } | undefined;
let cached: { url: string; transport: Transporter } | undefined;

/** The SMTP URL in effect, or null when email is off on this server. */
export function smtpUrl(): string | null {
  return override ? override.url : (env.SMTP_URL ?? null);
}

export function emailConfigured(): boolean {
  return smtpUrl() !== null;
}

/** One transport per URL in effect; null when email is not configured. */
export function emailTransport(): Transporter | null {
  const url = smtpUrl();
  if (!url) return null;
  if (cached?.url !== url) {
    cached?.transport.close();
    cached = {
      url,
      // Bounded waits: a stuck mail server must fail the step (and be retried), not hold the job's lease.
      transport: nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }),
    };
  }
  return cached.transport;
}

/** Tests only: a sink's URL, null for "not configured", undefined to go back to SMTP_URL. */
export function setSmtpUrlForTests(url: string | null | undefined): void {
  override = url === undefined ? undefined : { url };
  cached?.transport.close();
  cached = undefined;
}
