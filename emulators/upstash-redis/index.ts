/**
 * Upstash Redis REST emulator backed by a real Redis server.
 *
 * Speaks just enough of the Upstash REST protocol for the unmodified
 * `@upstash/redis` client (and `@upstash/ratelimit` on top of it):
 *
 *   POST /            ["SET","k","v"]            -> {"result": ...} | 400 {"error": ...}
 *   POST /pipeline    [["SET",..],["GET",..]]    -> [{"result": ...}, {"error": ...}]
 *   POST /multi-exec  same as /pipeline, wrapped in MULTI/EXEC
 *
 * Every command is forwarded over RESP to the Redis at `redisUrl`.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { parseRedisUrl, RespPool } from "./pool";
import { RespError, type RespValue } from "./resp";
import { ScriptCompat } from "./scripts";

export type UpstashBridge = { url: string; token: string; close(): Promise<void> };

type Json = null | number | string | Json[] | { [key: string]: Json };
type CommandResult = { result: Json } | { error: string };

/** Request-level failure reported to the client as `{ error }` with an HTTP status. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Commands that turn a connection into a push channel or switch its protocol.
 * A stateless request/response bridge cannot represent them.
 */
const UNSUPPORTED = new Set([
  "SUBSCRIBE", "PSUBSCRIBE", "SSUBSCRIBE", "UNSUBSCRIBE", "PUNSUBSCRIBE", "SUNSUBSCRIBE",
  "MONITOR", "HELLO", "RESET", "QUIT", "SYNC", "PSYNC", "REPLCONF",
]);

/**
 * Commands that leave per-connection state behind. Requests containing them
 * get a connection that is discarded afterwards, so the state cannot leak
 * into an unrelated request that later borrows it from the pool.
 */
const STATEFUL = new Set(["SELECT", "AUTH", "CLIENT", "MULTI", "EXEC", "DISCARD", "WATCH", "UNWATCH", "READONLY", "READWRITE"]);

export async function startUpstashBridge(options: { redisUrl: string; token?: string }): Promise<UpstashBridge> {
  const token = options.token ?? randomBytes(24).toString("base64url");
  const pool = new RespPool(parseRedisUrl(options.redisUrl));
  const scripts = new ScriptCompat();

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      const message = error instanceof Error ? error.message : String(error);
      sendJson(res, status, { error: status === 500 ? `ERR bridge: ${message}` : message });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.headers.authorization !== `Bearer ${token}`) throw new HttpError(401, "Unauthorized");
    if (req.method !== "POST") throw new HttpError(405, "ERR only POST requests are supported");

    // The client sends `Upstash-Encoding: base64` by default and then
    // base64-decodes every string in the result; without it, plain strings.
    const base64 = String(req.headers["upstash-encoding"] ?? "").toLowerCase() === "base64";
    const path = new URL(req.url ?? "/", "http://bridge").pathname.replace(/\/+$/, "");
    const body = await readJson(req);

    switch (path) {
      case "": {
        const reply = await runBatch([toCommand(body)]);
        const result = toResult(reply[0] ?? null, base64);
        if ("error" in result) throw new HttpError(400, result.error);
        return sendJson(res, 200, result);
      }
      case "/pipeline": {
        const replies = await runBatch(toCommandList(body));
        return sendJson(res, 200, replies.map((reply) => toResult(reply, base64)));
      }
      case "/multi-exec": {
        const replies = await runTransaction(toCommandList(body));
        return sendJson(res, 200, replies.map((reply) => toResult(reply, base64)));
      }
      default:
        throw new HttpError(404, `ERR unsupported path ${JSON.stringify(path)}`);
    }
  }

  /** Sends commands pipelined on one connection; returns one reply per command. */
  async function runBatch(commands: string[][], reusable = isReusable(commands)): Promise<RespValue[]> {
    const prepared = commands.map((command) => scripts.prepare(command));
    const replies = await pool.use((connection) => connection.send(prepared.map((p) => p.args)), reusable);
    return replies.map((reply, i) => prepared[i]?.mapReply(reply) ?? reply);
  }

  /** MULTI + commands + EXEC on one connection; returns EXEC's per-command replies. */
  async function runTransaction(commands: string[][]): Promise<RespValue[]> {
    // Our own MULTI/EXEC leave no state behind, so only the user's commands decide reuse.
    const replies = await runBatch([["MULTI"], ...commands, ["EXEC"]], isReusable(commands));
    const exec = replies[replies.length - 1];
    if (Array.isArray(exec)) return exec;
    // EXECABORT only says "previous errors"; surface the queueing error itself.
    const queueError = replies.slice(1, -1).find((reply) => reply instanceof RespError);
    const cause = queueError ?? exec;
    throw new HttpError(400, cause instanceof RespError ? cause.message : "EXECABORT Transaction aborted");
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    token,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // fetch keeps HTTP connections alive; without this close() would wait for them to time out.
      server.closeAllConnections();
      pool.close();
      await closed;
    },
  };
}

function isReusable(commands: string[][]): boolean {
  return !commands.some((command) => STATEFUL.has(command[0]?.toUpperCase() ?? ""));
}

/** Maps one RESP reply onto Upstash's per-command `{result}` / `{error}` shape. */
function toResult(reply: RespValue, base64: boolean): CommandResult {
  return reply instanceof RespError ? { error: reply.message } : { result: toJson(reply, base64) };
}

/**
 * Strings (simple and bulk, at any depth) are base64-encoded in base64 mode,
 * matching how the client decodes; numbers and nil pass through untouched.
 */
function toJson(value: RespValue, base64: boolean): Json {
  if (value === null || typeof value === "number") return value;
  if (Array.isArray(value)) return value.map((item) => toJson(item, base64));
  // Errors nested inside arrays (e.g. Lua tables) have no JSON slot; send their text.
  const bytes = value instanceof RespError ? Buffer.from(value.message) : Buffer.from(value);
  return base64 ? bytes.toString("base64") : bytes.toString("utf8");
}

/** Validates one command: a non-empty array of strings/numbers/booleans. */
function toCommand(value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new HttpError(400, "ERR command must be a non-empty JSON array");
  }
  const args = value.map((arg: unknown) => {
    // The client sends numbers and booleans as JSON primitives; Redis wants strings.
    if (typeof arg === "string" || typeof arg === "number" || typeof arg === "boolean") return String(arg);
    throw new HttpError(400, `ERR invalid command argument: ${JSON.stringify(arg)}`);
  });
  const name = args[0]?.toUpperCase() ?? "";
  if (UNSUPPORTED.has(name)) throw new HttpError(400, `ERR command ${name} is not supported over REST`);
  return args;
}

function toCommandList(value: unknown): string[][] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new HttpError(400, "ERR pipeline must be a non-empty JSON array of commands");
  }
  return value.map(toCommand);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown;
  } catch {
    throw new HttpError(400, "ERR request body is not valid JSON");
  }
}

function sendJson(res: ServerResponse, status: number, body: Json | CommandResult | CommandResult[]): void {
  if (res.headersSent) return;
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(JSON.stringify(body));
}
