import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it, vi } from "vitest";
import { serve } from "@/tests/support/serve";
import { safeFetch, type Resolver } from "./safe-fetch";
import { SafeFetchError } from "./safe-fetch-error";

const PRIVATE = "That address points to a private network, so AdPilot will not fetch it.";
const html = (body: string, headers: Record<string, string> = {}) =>
  new Response(`<!doctype html><html><body>${body}</body></html>`, { headers: { "content-type": "text/html; charset=utf-8", ...headers } });

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** A served handler plus the one allowlist entry that lets safeFetch reach it. */
async function site(handler: (request: Request) => Promise<Response>) {
  const server = await serve(handler);
  closers.push(server.close);
  const { host } = new URL(server.url);
  return { url: server.url, host, port: Number(new URL(server.url).port), allow: [host] };
}

/** A raw node server, for answers `serve` cannot give (streamed bodies, stalls). */
async function rawSite(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { url: `http://127.0.0.1:${port}`, allow: [`127.0.0.1:${port}`] };
}

async function failure(promise: Promise<unknown>): Promise<SafeFetchError> {
  const error = await promise.then(
    () => {
      throw new Error("expected the fetch to fail");
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(SafeFetchError);
  return error as SafeFetchError;
}

const neverResolve: Resolver = async (hostname) => {
  throw new Error(`the resolver must not be asked about ${hostname}`);
};

describe("safeFetch refuses private targets before connecting", () => {
  it.each([
    "http://127.0.0.1/",
    "http://localhost:3000/",
    "http://LOCALHOST./admin",
    "http://10.0.0.5/",
    "http://172.16.0.1/",
    "http://192.168.1.1/router",
    "http://169.254.169.254/latest/meta-data/",
    "http://metadata.google.internal/computeMetadata/v1/",
    "http://[::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://[fd00::1]/",
    "http://0x7f000001/",
    "http://2130706433/",
    "http://0177.0.0.1/",
    "http://127.1/",
    "http://0.0.0.0/",
    "https://100.64.1.1/",
  ])("%s", async (url) => {
    const error = await failure(safeFetch(url, { resolver: neverResolve }));
    expect(error.code).toBe("private_address");
    expect(error.userMessage).toBe(PRIVATE);
  });

  it("refuses a public-looking name that resolves to a private address", async () => {
    const resolver = vi.fn<Resolver>(async () => [{ address: "10.1.2.3", family: 4 }]);
    const error = await failure(safeFetch("https://shop.example/", { resolver }));
    expect(error.code).toBe("private_address");
    expect(resolver).toHaveBeenCalledWith("shop.example");
  });

  it("refuses a name when any one of its addresses is private", async () => {
    const resolver: Resolver = async () => [
      { address: "93.184.216.34", family: 4 },
      { address: "::ffff:169.254.169.254", family: 6 },
    ];
    expect((await failure(safeFetch("https://shop.example/", { resolver }))).code).toBe("private_address");
  });
});

describe("safeFetch refuses what is not an http(s) URL", () => {
  it.each(["ftp://example.com/file", "file:///etc/passwd", "javascript:alert(1)", "data:text/html,<p>hi</p>", "gopher://example.com/"])("%s", async (url) => {
    const error = await failure(safeFetch(url, { resolver: neverResolve }));
    expect(error.code).toBe("scheme");
    expect(error.userMessage).toMatch(/http:\/\/ or https:\/\//);
  });

  it("refuses credentials in the URL and text that is not a URL", async () => {
    expect((await failure(safeFetch("https://admin:secret@example.com/", { resolver: neverResolve }))).userMessage).toMatch(/username and password/);
    expect((await failure(safeFetch("sweet crumbs bakery", { resolver: neverResolve }))).code).toBe("invalid_url");
  });

  it("explains a name that does not resolve", async () => {
    const resolver: Resolver = async () => {
      throw Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" });
    };
    const error = await failure(safeFetch("https://no-such-bakery.example/", { resolver }));
    expect(error.code).toBe("dns");
    expect(error.userMessage).toBe("We could not find that website — check the address.");
  });
});

describe("safeFetch against a test server", () => {
  it("returns the page, its type and final URL, and introduces itself", async () => {
    let seen: Headers | undefined;
    const server = await site(async (request) => {
      seen = request.headers;
      return html("<h1>Fresh bread</h1>");
    });
    const result = await safeFetch(`${server.url}/home`, { accept: "html", allowPrivateForTests: server.allow });
    expect(result.status).toBe(200);
    expect(result.url).toBe(`${server.url}/home`);
    expect(result.contentType).toBe("text/html; charset=utf-8");
    expect(result.body.toString()).toContain("<h1>Fresh bread</h1>");
    expect(seen?.get("user-agent")).toBe("AdPilotBot/1.0 (+brand analyzer)");
    expect(seen?.get("accept")).toContain("text/html");
  });

  it("connects to the address it validated, not to a second DNS answer (rebinding)", async () => {
    let host: string | null = null;
    const server = await site(async (request) => {
      host = request.headers.get("host");
      return html("ok");
    });
    // First answer: the (allowlisted) test server. Any later answer: an unchecked loopback address with nothing on it.
    const resolver = vi.fn<Resolver>().mockResolvedValueOnce([{ address: "127.0.0.1", family: 4 }]).mockResolvedValue([{ address: "127.0.0.2", family: 4 }]);
    const result = await safeFetch(`http://shop.example:${server.port}/`, { resolver, allowPrivateForTests: server.allow });
    // shop.example resolves nowhere for the system resolver, so reaching the server proves the pinned lookup was used.
    expect(result.body.toString()).toContain("ok");
    expect(resolver).toHaveBeenCalledTimes(1);
    expect(host).toBe(`shop.example:${server.port}`);
  });

  it("follows a redirect on the same server", async () => {
    const server = await site(async (request) =>
      new URL(request.url).pathname === "/old" ? new Response(null, { status: 301, headers: { location: "/new" } }) : html("moved here"),
    );
    const result = await safeFetch(`${server.url}/old`, { allowPrivateForTests: server.allow });
    expect(result.url).toBe(`${server.url}/new`);
    expect(result.body.toString()).toContain("moved here");
  });

  it("re-checks every redirect hop: an allowed server cannot bounce us into metadata or a private range", async () => {
    const server = await site(async () => new Response(null, { status: 302, headers: { location: "http://169.254.169.254/latest/meta-data/" } }));
    const error = await failure(safeFetch(server.url, { allowPrivateForTests: server.allow }));
    expect(error.code).toBe("private_address");
    expect(error.message).toContain("169.254.169.254");
  });

  it("allows only the exact allowlisted address:port, so a redirect to another local port is refused", async () => {
    let reachedOther = 0;
    const other = await site(async () => {
      reachedOther += 1;
      return html("internal admin");
    });
    const server = await site(async () => new Response(null, { status: 307, headers: { location: `${other.url}/admin` } }));
    const error = await failure(safeFetch(server.url, { allowPrivateForTests: server.allow }));
    expect(error.userMessage).toBe(PRIVATE);
    expect(reachedOther).toBe(0);
  });

  it("stops after five redirects", async () => {
    let requests = 0;
    const server = await site(async (request) => {
      requests += 1;
      const hop = Number(new URL(request.url).pathname.split("/").pop() ?? 0);
      return new Response(null, { status: 302, headers: { location: `/hop/${hop + 1}` } });
    });
    const error = await failure(safeFetch(`${server.url}/hop/0`, { allowPrivateForTests: server.allow }));
    expect(error.code).toBe("too_many_redirects");
    expect(error.userMessage).toBe("Too many redirects.");
    expect(requests).toBe(6);
  });

  it("refuses a body over the limit, declared or streamed", async () => {
    const big = await site(async () => html("x".repeat(3 * 1024 * 1024)));
    const declared = await failure(safeFetch(big.url, { accept: "html", allowPrivateForTests: big.allow }));
    expect(declared.code).toBe("too_large");
    expect(declared.userMessage).toBe("The page is larger than 2 MB.");

    let written = 0;
    const streamed = await rawSite((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      const timer = setInterval(() => {
        written += 16 * 1024;
        if (!res.write("y".repeat(16 * 1024))) return;
        if (written > 10 * 1024 * 1024) clearInterval(timer);
      }, 1);
      res.on("close", () => clearInterval(timer));
    });
    const error = await failure(safeFetch(streamed.url, { accept: "html", maxBytes: 64 * 1024, allowPrivateForTests: streamed.allow }));
    expect(error.userMessage).toBe("The page is larger than 64 KB.");
    // Aborted early, not read to the end.
    expect(written).toBeLessThan(10 * 1024 * 1024);
  });

  it("counts the limit after decompression, so a gzip bomb is refused", async () => {
    const bomb = gzipSync(Buffer.alloc(5 * 1024 * 1024, 0x20));
    const server = await site(async () => new Response(bomb, { headers: { "content-type": "text/html", "content-encoding": "gzip" } }));
    expect(bomb.length).toBeLessThan(64 * 1024);
    const error = await failure(safeFetch(server.url, { allowPrivateForTests: server.allow }));
    expect(error.code).toBe("too_large");
  });

  it("decompresses a gzip page", async () => {
    const server = await site(
      async () => new Response(gzipSync("<html><body>Sourdough</body></html>"), { headers: { "content-type": "text/html", "content-encoding": "gzip" } }),
    );
    expect((await safeFetch(server.url, { allowPrivateForTests: server.allow })).body.toString()).toContain("Sourdough");
  });

  it("gives up when the site never answers, and when the body stalls", async () => {
    const silent = await site(() => new Promise<Response>(() => {}));
    const started = Date.now();
    const error = await failure(safeFetch(silent.url, { timeoutMs: 300, allowPrivateForTests: silent.allow }));
    expect(error.code).toBe("timeout");
    expect(error.userMessage).toBe("The site did not answer within 0.3 seconds.");
    expect(Date.now() - started).toBeLessThan(3000);

    const stalling = await rawSite((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.write("<html><body>half a page");
    });
    expect((await failure(safeFetch(stalling.url, { timeoutMs: 300, allowPrivateForTests: stalling.allow }))).code).toBe("timeout");
  });

  it("refuses a content type the caller cannot use", async () => {
    const pdf = await site(async () => new Response("%PDF-1.7", { headers: { "content-type": "application/pdf" } }));
    const error = await failure(safeFetch(pdf.url, { accept: "html", allowPrivateForTests: pdf.allow }));
    expect(error.code).toBe("content_type");
    expect(error.userMessage).toBe("That is not a web page (it is application/pdf).");

    const page = await site(async () => html("not a picture"));
    expect((await failure(safeFetch(page.url, { accept: "image", allowPrivateForTests: page.allow }))).userMessage).toBe(
      "That is not an image (it is text/html).",
    );
  });

  it("reports the status of an error page and a refused connection", async () => {
    const missing = await site(async () => new Response("nope", { status: 404 }));
    const error = await failure(safeFetch(missing.url, { allowPrivateForTests: missing.allow }));
    expect(error.status).toBe(404);
    expect(error.userMessage).toMatch(/^The site answered 404/);

    const closed = await site(async () => html("gone"));
    await closers.pop()!();
    expect((await failure(safeFetch(closed.url, { allowPrivateForTests: closed.allow }))).userMessage).toBe("The site refused the connection.");
  });

  it("takes only exact loopback pairs as a test allowlist", async () => {
    await expect(safeFetch("http://10.0.0.5/", { allowPrivateForTests: ["10.0.0.0/8"] })).rejects.toThrow(/exact loopback/);
    await expect(safeFetch("http://127.0.0.1/", { allowPrivateForTests: ["127.0.0.1"] })).rejects.toThrow(/exact loopback/);
  });
});
