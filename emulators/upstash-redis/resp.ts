/**
 * Minimal RESP2 client: command encoder, incremental reply parser and a
 * connection that pipelines commands over one `node:net` socket.
 *
 * Only what the Upstash bridge needs — no pub/sub, no RESP3, no reconnects.
 */
import net from "node:net";

/**
 * A Redis error reply (`-ERR ...`). Returned as a value rather than thrown,
 * because in a pipeline one failing command must not hide the others' results.
 */
export class RespError {
  constructor(readonly message: string) {}
}

/**
 * Simple strings (`+OK`) stay JS strings; bulk strings stay Buffers because
 * they are binary-safe and the bridge may have to base64 them byte-for-byte.
 */
export type RespValue = string | Buffer | number | null | RespError | RespValue[];

const CRLF = Buffer.from("\r\n");

/** Encodes one command as a RESP array of bulk strings (the only form Redis accepts from clients). */
export function encodeCommand(args: readonly string[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)];
  for (const arg of args) {
    const bytes = Buffer.from(arg, "utf8");
    parts.push(Buffer.from(`$${bytes.length}\r\n`), bytes, CRLF);
  }
  return Buffer.concat(parts);
}

type Parsed = { value: RespValue; end: number };

/**
 * Parses one reply starting at `pos`. Returns `undefined` when the buffer does
 * not yet hold the complete reply, so the caller can wait for more data.
 */
export function parseReply(buf: Buffer, pos: number): Parsed | undefined {
  const lineEnd = buf.indexOf(CRLF, pos);
  if (lineEnd === -1) return undefined;
  const type = String.fromCharCode(buf[pos] ?? 0);
  const line = buf.toString("utf8", pos + 1, lineEnd);
  const next = lineEnd + 2;

  switch (type) {
    case "+":
      return { value: line, end: next };
    case "-":
      return { value: new RespError(line), end: next };
    case ":":
      // JSON has no 64-bit ints either; Upstash itself returns plain numbers.
      return { value: Number(line), end: next };
    case "$": {
      const length = Number(line);
      if (length < 0) return { value: null, end: next };
      if (buf.length < next + length + 2) return undefined;
      // Copy so the reply does not pin the (possibly large) receive buffer.
      return { value: Buffer.from(buf.subarray(next, next + length)), end: next + length + 2 };
    }
    case "*": {
      const count = Number(line);
      if (count < 0) return { value: null, end: next };
      const items: RespValue[] = [];
      let cursor = next;
      for (let i = 0; i < count; i++) {
        const item = parseReply(buf, cursor);
        if (!item) return undefined;
        items.push(item.value);
        cursor = item.end;
      }
      return { value: items, end: cursor };
    }
    default:
      throw new Error(`RESP protocol error: unexpected type byte ${JSON.stringify(type)}`);
  }
}

type Waiter = { resolve: (value: RespValue) => void; reject: (error: Error) => void };

/**
 * One socket to Redis. Replies arrive strictly in command order, so a FIFO of
 * waiters is enough to match them up — that is what makes pipelining trivial.
 */
export class RespConnection {
  private buffer: Buffer = Buffer.alloc(0);
  private readonly waiting: Waiter[] = [];
  private failure: Error | undefined;

  private constructor(private readonly socket: net.Socket) {
    socket.on("data", (chunk: Buffer) => this.onData(chunk));
    socket.on("error", (error) => this.fail(error));
    socket.on("close", () => this.fail(new Error("Redis connection closed")));
  }

  static connect(host: string, port: number): Promise<RespConnection> {
    return new Promise((resolve, reject) => {
      const socket = net.createConnection({ host, port });
      socket.setNoDelay(true);
      socket.once("error", reject);
      socket.once("connect", () => {
        socket.off("error", reject);
        resolve(new RespConnection(socket));
      });
    });
  }

  /** False once the socket errored or closed; such connections must not be pooled. */
  get healthy(): boolean {
    return this.failure === undefined;
  }

  /**
   * Writes all commands in a single write and resolves with their replies in
   * order. Redis error replies resolve as `RespError`; only transport
   * failures reject.
   */
  send(commands: readonly (readonly string[])[]): Promise<RespValue[]> {
    if (this.failure) return Promise.reject(this.failure);
    if (commands.length === 0) return Promise.resolve([]);
    const replies = commands.map(
      () => new Promise<RespValue>((resolve, reject) => this.waiting.push({ resolve, reject })),
    );
    this.socket.write(Buffer.concat(commands.map(encodeCommand)));
    return Promise.all(replies);
  }

  close(): void {
    this.fail(new Error("Redis connection closed by bridge"));
  }

  private onData(chunk: Buffer): void {
    // Re-parsing from the start of an incomplete reply is quadratic for huge
    // replies, but keeps the parser stateless; fine for an emulator.
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    try {
      let parsed: Parsed | undefined;
      while (this.buffer.length > 0 && (parsed = parseReply(this.buffer, 0))) {
        this.buffer = this.buffer.subarray(parsed.end);
        const waiter = this.waiting.shift();
        if (!waiter) throw new Error("RESP protocol error: reply without a pending command");
        waiter.resolve(parsed.value);
      }
    } catch (error) {
      this.fail(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    this.socket.destroy();
    for (const waiter of this.waiting.splice(0)) waiter.reject(error);
  }
}
