import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { createMemoryStore, type GraphStore } from "@/emulators/meta-graph";
import { createPostgresGraphStore } from "./postgres-store";

// The sandbox's Postgres store must behave exactly like the emulator's memory store.
describe.each<[string, () => GraphStore]>([
  ["memory", () => createMemoryStore()],
  ["postgres", () => createPostgresGraphStore(db, randomUUID().replaceAll("-", "").slice(0, 24))],
])("%s graph store", (_name, make) => {
  it("puts, gets, replaces in place, lists in insertion order with filters, deletes", async () => {
    const store = make();
    const page = (id: string, ownerUserId: string, name: string) => ({ id, ownerUserId, name, category: "Shop" });
    await store.put("pages", page("1", "u1", "First"));
    await store.put("pages", page("2", "u2", "Second"));
    await store.put("pages", page("3", "u1", "Third"));
    await store.put("pages", page("1", "u1", "First, renamed"));

    expect(await store.get("pages", "1")).toEqual(page("1", "u1", "First, renamed"));
    expect(await store.get("pages", "404")).toBeUndefined();
    expect((await store.list("pages")).map((row) => row.name)).toEqual(["First, renamed", "Second", "Third"]);
    expect((await store.list("pages", { ownerUserId: "u1" })).map((row) => row.id)).toEqual(["1", "3"]);
    expect(await store.list("users")).toEqual([]);

    await store.delete("pages", "1");
    expect((await store.list("pages")).map((row) => row.id)).toEqual(["2", "3"]);
  });

  it("hands out unique numeric ids", async () => {
    const store = make();
    const ids = await Promise.all(Array.from({ length: 20 }, () => store.nextId()));
    expect(new Set(ids).size).toBe(20);
    for (const id of ids) expect(id).toMatch(/^\d{15,19}$/);
  });

  it("keeps one scope's objects away from another's", async () => {
    if (_name === "memory") return;
    const [a, b] = [make(), make()];
    await a.put("pages", { id: "7", ownerUserId: "u", name: "Mine", category: "Shop" });
    expect(await b.get("pages", "7")).toBeUndefined();
    expect(await b.list("pages")).toEqual([]);
  });
});
