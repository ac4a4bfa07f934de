import { describe, expect, it } from "vitest";
import { decodeBody } from "./decode-body";

// "Café – crème brûlée" in windows-1252: é=E9, –=96, è=E8, û=FB.
const cp1252 = Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x63, 0x72, 0xe8, 0x6d, 0x65, 0x20, 0x62, 0x72, 0xfb, 0x6c, 0xe9, 0x65]);

describe("decodeBody", () => {
  it("uses the Content-Type charset, latin1 meaning windows-1252 as in browsers", () => {
    expect(decodeBody(cp1252, "text/html; charset=ISO-8859-1")).toBe("Café – crème brûlée");
  });

  it("falls back to a <meta charset> in the page, then to UTF-8", () => {
    const page = Buffer.concat([Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><p>'), cp1252]);
    expect(decodeBody(page, "text/html")).toContain("Café – crème brûlée");
    expect(decodeBody(Buffer.from("<p>Café</p>", "utf8"), "text/html")).toBe("<p>Café</p>");
  });

  it("lets a byte-order mark win and survives an unknown label", () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("Crème", "utf8")]);
    expect(decodeBody(withBom, "text/html; charset=iso-8859-1")).toBe("Crème");
    expect(decodeBody(Buffer.from("Crème", "utf8"), "text/html; charset=x-made-up")).toBe("Crème");
  });
});
