import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/** A message as the sink received it, with the text and HTML parts decoded. */
export type SunkMessage = { envelopeTo: string[]; headers: Record<string, string>; subject: string; to: string; text: string; html: string; raw: string };

export type SmtpSink = {
  url: string;
  messages: SunkMessage[];
  /** Refuse the next `count` messages with a temporary 451, as a busy or broken mail server would. */
  failNext(count: number): void;
  close(): Promise<void>;
};

function decodePart(body: string, encoding: string | undefined): string {
  if (encoding?.toLowerCase() === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding?.toLowerCase() === "quoted-printable") {
    // QP text is ASCII: "=XX" is one byte, "=" at a line end is a soft break, anything else is itself.
    const text = body.replace(/=\r?\n/g, "");
    const bytes: number[] = [];
    for (let index = 0; index < text.length; index++) {
      const hex = text.slice(index + 1, index + 3);
      if (text[index] === "=" && /^[0-9A-F]{2}$/i.test(hex)) {
        bytes.push(parseInt(hex, 16));
        index += 2;
      } else {
        bytes.push(text.charCodeAt(index));
      }
    }
    return Buffer.from(bytes).toString("utf8");
  }
  return body;
}

function parseHeaders(block: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of block.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

/** Just enough MIME for nodemailer's multipart/alternative: headers, and each part decoded. */
export function parseMessage(raw: string, envelopeTo: string[]): SunkMessage {
  const split = raw.search(/\r?\n\r?\n/);
  const headers = parseHeaders(raw.slice(0, split));
  const body = raw.slice(split).replace(/^\r?\n\r?\n/, "");
  const parts: Record<string, string> = {};
  const boundary = /boundary="?([^";]+)"?/.exec(headers["content-type"] ?? "")?.[1];
  for (const chunk of boundary ? body.split(`--${boundary}`).slice(1, -1) : [body]) {
    const at = chunk.search(/\r?\n\r?\n/);
    const partHeaders = boundary ? parseHeaders(chunk.slice(0, at)) : headers;
    const content = boundary ? chunk.slice(at).replace(/^\r?\n\r?\n/, "").replace(/\r?\n$/, "") : chunk;
    const type = (partHeaders["content-type"] ?? "text/plain").split(";")[0]!.trim();
    parts[type] = decodePart(content, partHeaders["content-transfer-encoding"]);
  }
  return { envelopeTo, headers, subject: headers.subject ?? "", to: headers.to ?? "", text: parts["text/plain"] ?? "", html: parts["text/html"] ?? "", raw };
}

/** A local SMTP server on 127.0.0.1 and a free port that keeps what it receives. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: SunkMessage[] = [];
  let failures = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (failures > 0) {
        failures -= 1;
        callback(Object.assign(new Error("Mailbox temporarily unavailable"), { responseCode: 451 }));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        messages.push(parseMessage(Buffer.concat(chunks).toString("utf8"), session.envelope.rcptTo.map((address) => address.address)));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    failNext(count) {
      failures = count;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
