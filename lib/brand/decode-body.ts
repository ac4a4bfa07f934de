import "server-only";

function charsetFromBom(body: Buffer): string | null {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return "utf-8";
  if (body[0] === 0xfe && body[1] === 0xff) return "utf-16be";
  if (body[0] === 0xff && body[1] === 0xfe) return "utf-16le";
  return null;
}

function charsetFromContentType(contentType: string): string | null {
  return /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1] ?? null;
}

/** <meta charset> or <meta http-equiv=content-type> in the first 1024 bytes, as browsers look. */
function charsetFromMeta(body: Buffer): string | null {
  const head = body.subarray(0, 1024).toString("latin1");
  const label = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1];
  // A page that says UTF-16 in ASCII bytes cannot be UTF-16; browsers read it as UTF-8.
  return label && !/^utf-?16/i.test(label) ? label : null;
}

function decoderFor(label: string): TextDecoder {
  try {
    // WHATWG labels: "latin1" and "iso-8859-1" decode as windows-1252, as browsers do.
    return new TextDecoder(label.trim().toLowerCase());
  } catch {
    return new TextDecoder("utf-8");
  }
}

/** Windows-1252's 0x80–0x9F: curly quotes, dashes, € and friends (five codes are unassigned). */
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

/**
 * Node 20's TextDecoder("windows-1252") decodes 0x80–0x9F as Latin-1 control
 * characters; map them to what the bytes mean, so "–" and "’" survive.
 */
function repairWindows1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (char) => CP1252_HIGH[char.charCodeAt(0) - 0x80]!);
}

/**
 * Bytes to text the way a browser picks the encoding: byte-order mark, then the
 * Content-Type charset, then (for HTML) a <meta> declaration, else UTF-8.
 */
export function decodeBody(body: Buffer, contentType: string, { html = true } = {}): string {
  const label = charsetFromBom(body) ?? charsetFromContentType(contentType) ?? (html ? charsetFromMeta(body) : null) ?? "utf-8";
  const decoder = decoderFor(label);
  const text = decoder.decode(body);
  return decoder.encoding === "windows-1252" ? repairWindows1252(text) : text;
}
