import "server-only";
import { env } from "@/lib/env";
import { emailTransport } from "./transport";

export type EmailMessage = {
  to: string;
  subject: string;
  html: string;
  text: string;
  /**
   * A stable Message-ID ("<weekly-report-…@adpilot>"): if the same message is ever
   * sent twice, mail systems that de-duplicate by Message-ID show it once.
   */
  messageId?: string;
};

export class EmailNotConfiguredError extends Error {
  constructor() {
    super("Email is not configured on this server (SMTP_URL is not set).");
    this.name = "EmailNotConfiguredError";
  }
}

/** Sends one message; throws the transport's error when the server refuses it or cannot be reached. */
export async function sendEmail(message: EmailMessage): Promise<{ messageId: string }> {
  const transport = emailTransport();
  if (!transport) throw new EmailNotConfiguredError();
  const info = await transport.sendMail({
    from: env.EMAIL_FROM,
    to: message.to,
    subject: message.subject,
    html: message.html,
    text: message.text,
    ...(message.messageId ? { messageId: message.messageId } : {}),
  });
  return { messageId: String(info.messageId) };
}
