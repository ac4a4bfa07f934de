/**
 * A small pool of authenticated, db-selected RESP connections, so each HTTP
 * request does not pay for a TCP connect + AUTH + SELECT.
 */
import { RespConnection, RespError } from "./resp";

export type RedisTarget = {
  host: string;
  port: number;
  username: string | undefined;
  password: string | undefined;
  db: number;
};

/** Parses `redis://[user[:pass]@]host[:port][/db]`. */
export function parseRedisUrl(redisUrl: string): RedisTarget {
  const url = new URL(redisUrl);
  if (url.protocol !== "redis:") {
    // TLS (rediss:) would need node:tls; the bridge only targets local servers.
    throw new Error(`Unsupported Redis URL protocol "${url.protocol}" (only redis: is supported)`);
  }
  const dbPath = url.pathname.replace(/^\/+/, "");
  const db = dbPath === "" ? 0 : Number(dbPath);
  if (!Number.isInteger(db) || db < 0) throw new Error(`Invalid Redis db in URL: "${url.pathname}"`);
  return {
    // URL keeps IPv6 hosts bracketed; net.connect wants them bare.
    host: url.hostname.replace(/^\[(.*)\]$/, "$1") || "127.0.0.1",
    port: url.port ? Number(url.port) : 6379,
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db,
  };
}

export class RespPool {
  private readonly idle: RespConnection[] = [];
  private readonly open = new Set<RespConnection>();
  private closed = false;

  constructor(
    private readonly target: RedisTarget,
    private readonly maxIdle = 8,
  ) {}

  /**
   * Runs `fn` with exclusive use of one connection. Pass `reusable: false`
   * when `fn` may leave per-connection state behind (SELECT, WATCH, ...), so
   * that state cannot leak into a later, unrelated request.
   */
  async use<T>(fn: (connection: RespConnection) => Promise<T>, reusable = true): Promise<T> {
    const connection = await this.acquire();
    try {
      return await fn(connection);
    } finally {
      this.release(connection, reusable);
    }
  }

  close(): void {
    this.closed = true;
    for (const connection of this.open) connection.close();
    this.open.clear();
    this.idle.length = 0;
  }

  private async acquire(): Promise<RespConnection> {
    if (this.closed) throw new Error("Bridge is closed");
    let connection: RespConnection | undefined;
    while ((connection = this.idle.pop())) {
      // Idle sockets may have been dropped by Redis (e.g. `timeout` config).
      if (connection.healthy) return connection;
      this.open.delete(connection);
    }
    return this.connect();
  }

  private release(connection: RespConnection, reusable: boolean): void {
    if (reusable && connection.healthy && !this.closed && this.idle.length < this.maxIdle) {
      this.idle.push(connection);
      return;
    }
    this.open.delete(connection);
    connection.close();
  }

  private async connect(): Promise<RespConnection> {
    const { host, port, username, password, db } = this.target;
    const connection = await RespConnection.connect(host, port);
    this.open.add(connection);

    const handshake: string[][] = [];
    if (password !== undefined) handshake.push(username ? ["AUTH", username, password] : ["AUTH", password]);
    if (db !== 0) handshake.push(["SELECT", String(db)]);
    try {
      const replies = await connection.send(handshake);
      const failed = replies.find((reply) => reply instanceof RespError);
      if (failed instanceof RespError) throw new Error(`Redis handshake failed: ${failed.message}`);
    } catch (error) {
      this.open.delete(connection);
      connection.close();
      throw error;
    }
    // close() may have run while we were connecting.
    if (this.closed) {
      connection.close();
      throw new Error("Bridge is closed");
    }
    return connection;
  }
}
