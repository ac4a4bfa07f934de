import { describe, expect, it } from "vitest";
import { storage, userFileKey } from "@/lib/storage";
import { actAs, createTenants } from "@/tests/support/tenancy";
import { GET } from "./[...key]/route";

function get(key: string, headers: Record<string, string> = {}, query = "") {
  return GET(new Request(`http://localhost/api/files/${key}${query}`, { headers }), { params: Promise.resolve({ key: key.split("/") }) });
}

describe("GET /api/files/[...key]", () => {
  it("serves a file to its owner only; anyone else gets the same 404 as a missing file", async () => {
    const { alice, bob } = await createTenants();
    const key = userFileKey(alice.id, "images", "logo.png");
    await storage().put(key, new Uint8Array([1, 2, 3, 4]), "image/png");

    actAs(alice);
    const mine = await get(key);
    expect(mine.status).toBe(200);
    expect(mine.headers.get("content-type")).toBe("image/png");
    expect(mine.headers.get("cache-control")).toBe("private, max-age=3600");
    expect(mine.headers.get("x-content-type-options")).toBe("nosniff");
    expect(new Uint8Array(await mine.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3, 4]));

    actAs(bob);
    const theirs = await get(key);
    const missing = await get(userFileKey(bob.id, "images", "nothing.png"));
    expect(theirs.status).toBe(404);
    expect(await theirs.json()).toEqual(await missing.json());
    expect(missing.status).toBe(404);
  });

  it("asks signed-out visitors to sign in and rejects traversal", async () => {
    const { alice } = await createTenants();
    actAs(null);
    const anonymous = await get(userFileKey(alice.id, "images", "logo.png"));
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ error: { code: "unauthorized", message: "Sign in to continue." } });

    actAs(alice);
    expect((await get(`users/${alice.id}/../../secrets.json`)).status).toBe(404);
  });

  it("answers byte ranges (video seeking) and offers a download", async () => {
    const { alice } = await createTenants();
    const key = userFileKey(alice.id, "creatives", "clip.mp4");
    await storage().put(key, new Uint8Array(Array.from({ length: 100 }, (_, i) => i)), "video/mp4");
    actAs(alice);

    const middle = await get(key, { range: "bytes=10-19" });
    expect(middle.status).toBe(206);
    expect(middle.headers.get("content-range")).toBe("bytes 10-19/100");
    expect([...new Uint8Array(await middle.arrayBuffer())]).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    const tail = await get(key, { range: "bytes=-5" });
    expect([...new Uint8Array(await tail.arrayBuffer())]).toEqual([95, 96, 97, 98, 99]);
    const open = await get(key, { range: "bytes=90-" });
    expect(open.headers.get("content-range")).toBe("bytes 90-99/100");
    expect((await get(key, { range: "bytes=200-300" })).status).toBe(416);

    const download = await get(key, {}, "?download=1");
    expect(download.headers.get("content-disposition")).toBe('attachment; filename="clip.mp4"');
  });
});
