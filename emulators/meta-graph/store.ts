import type { CollectionName, Collections } from "./types";

/**
 * All emulator state lives behind this interface so a Postgres-backed store can
 * replace the in-memory one (the sandbox deployment needs state that survives
 * serverless invocations). Methods are async for that reason even though the
 * memory store is synchronous.
 *
 * Records are plain JSON; `list` returns them in insertion order.
 */
export interface GraphStore {
  get<K extends CollectionName>(kind: K, id: string): Promise<Collections[K] | undefined>;
  /** insert or replace by `id` (a replaced record keeps its insertion position) */
  put<K extends CollectionName>(kind: K, record: Collections[K]): Promise<void>;
  delete(kind: CollectionName, id: string): Promise<void>;
  /** records whose fields equal every field in `where` */
  list<K extends CollectionName>(kind: K, where?: Partial<Collections[K]>): Promise<Array<Collections[K]>>;
  /** a fresh numeric object id, unique across all kinds (Graph ids share one namespace) */
  nextId(): Promise<string>;
}

/** Graph object ids are 15-18 digit numbers; ours start high enough to never collide with fixtures. */
const FIRST_ID = 120_210_000_000_000_001n;

export function createMemoryStore(): GraphStore {
  const tables = new Map<CollectionName, Map<string, unknown>>();
  const table = (kind: CollectionName) => {
    let rows = tables.get(kind);
    if (!rows) tables.set(kind, (rows = new Map()));
    return rows;
  };
  let counter = FIRST_ID;
  // structuredClone keeps callers from mutating stored state without a put(), as with a real database.
  return {
    async get(kind, id) {
      const row = table(kind).get(id);
      return row === undefined ? undefined : structuredClone(row as Collections[typeof kind]);
    },
    async put(kind, record) {
      table(kind).set(record.id, structuredClone(record));
    },
    async delete(kind, id) {
      table(kind).delete(id);
    },
    async list(kind, where) {
      const rows = [...table(kind).values()] as Array<Collections[typeof kind]>;
      const conditions = Object.entries(where ?? {});
      return rows
        .filter((row) => conditions.every(([key, value]) => (row as Record<string, unknown>)[key] === value))
        .map((row) => structuredClone(row));
    },
    async nextId() {
      const id = counter;
      counter += 1n;
      return id.toString();
    },
  };
}
