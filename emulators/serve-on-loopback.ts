import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/** What every emulator returns when started on its own port. */
export type ServedHandler = { url: string; close(): Promise<void> };

function toRequest(req: IncomingMessage, body: Buffer, origin: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  // axios sends `{}` as the body of GETs; a Fetch Request cannot carry one, and the real APIs ignore it.
  const hasBody = req.method !== "GET" && req.method !== "HEAD" && body.length > 0;
  return new Request(new URL(req.url ?? "/", origin), { method: req.method, headers, body: hasBody ? new Uint8Array(body) : undefined });
}

/**
 * Serves an emulator's Fetch-API handler over real HTTP on 127.0.0.1 (`port` 0
 * picks a free one), so the real SDKs talk to it as they would to the service.
 * A handler that throws answers with `crash(error)`, in the service's own error shape.
 */
export async function serveOnLoopback(
  handler: (request: Request) => Promise<Response>,
  options: { port?: number; name: string; crash: () => Response },
): Promise<ServedHandler> {
  let origin = "";
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      // Through a promise, so a handler that throws synchronously is caught like one that rejects.
      Promise.resolve()
        .then(() => handler(toRequest(req, Buffer.concat(chunks), origin)))
        .catch((error: unknown) => {
          console.error(`[${options.name} emulator] handler crashed`, error);
          return options.crash();
        })
        .then(async (response) => {
          if (!res.headersSent) res.writeHead(response.status, Object.fromEntries(response.headers));
          res.end(Buffer.from(await response.arrayBuffer()));
        })
        .catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
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
