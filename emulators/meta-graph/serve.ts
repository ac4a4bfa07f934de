import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export type ServedHandler = { url: string; close(): Promise<void> };

function toRequest(req: IncomingMessage, body: Buffer, origin: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  // axios sends `{}` as the body of GETs; a Fetch Request cannot carry one, and Graph ignores it.
  const hasBody = req.method !== "GET" && req.method !== "HEAD" && body.length > 0;
  return new Request(new URL(req.url ?? "/", origin), { method: req.method, headers, body: hasBody ? new Uint8Array(body) : undefined });
}

/** Serves a Fetch-API handler over HTTP on a random loopback port. */
export async function serveOnLoopback(handler: (request: Request) => Promise<Response>, port = 0): Promise<ServedHandler> {
  let origin = "";
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      handler(toRequest(req, Buffer.concat(chunks), origin))
        .then(async (response) => {
          res.writeHead(response.status, Object.fromEntries(response.headers));
          res.end(Buffer.from(await response.arrayBuffer()));
        })
        .catch((error: unknown) => {
          console.error("[meta-graph emulator] handler crashed", error);
          if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
          res.end("emulator error");
        });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets from axios/fetch would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}
