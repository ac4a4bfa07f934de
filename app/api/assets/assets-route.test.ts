import { eq } from "drizzle-orm";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { creativeAssets } from "@/db/schema";
import { renderAdVideo } from "@/lib/ai/offline/render";
import { actAs, createUser } from "@/tests/support/tenancy";
import { POST } from "./route";

function upload(name: string, bytes: Buffer, type = "application/octet-stream") {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(bytes)], name, { type }));
  return POST(new Request("http://localhost/api/assets", { method: "POST", body: form }));
}

const image = (width: number, height: number, format: "png" | "jpeg" = "png") =>
  sharp({ create: { width, height, channels: 3, background: "#e63946" } })[format]().toBuffer();

describe("POST /api/assets (library upload)", () => {
  it("files an image by what its bytes are, with its size and format worked out", async () => {
    const user = await createUser();
    actAs(user);
    // A JPEG named .png: stored as the JPEG it is.
    const response = await upload("banner.png", await image(1080, 1350, "jpeg"), "image/png");
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    const [asset] = await db.select().from(creativeAssets).where(eq(creativeAssets.id, id));
    expect(asset).toMatchObject({ userId: user.id, source: "uploaded", mimeType: "image/jpeg", format: "4:5", width: 1080, height: 1350 });
    expect(asset!.storageKey).toMatch(/\.jpg$/);
  });

  it("refuses a file whose extension lies about what it is", async () => {
    actAs(await createUser());
    for (const [name, bytes] of [
      ["photo.png", Buffer.from("<html><script>alert(1)</script></html>")],
      ["clip.mp4", Buffer.from("just some text pretending to be a video")],
      ["invoice.jpg", Buffer.from("%PDF-1.7\n1 0 obj")],
    ] as const) {
      const response = await upload(name, bytes);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/is not a PNG, JPEG, WebP, GIF, MP4 or MOV/);
    }
  });

  it("explains shapes Meta ads do not use and broken files", async () => {
    actAs(await createUser());
    const wide = await upload("wide.png", await image(1200, 300));
    expect(((await wide.json()) as { error: { message: string } }).error.message).toMatch(/1200×300.*Crop it/);
    const png = await image(100, 100);
    const broken = await upload("broken.png", png.subarray(0, 60));
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { error: { message: string } }).error.message).toMatch(/damaged/);
  });

  it("measures an uploaded video and makes its poster", async () => {
    const user = await createUser();
    actAs(user);
    const video = await renderAdVideo({ prompt: "Test clip", format: "16:9", style: "minimal", brand: null, variant: 0, seed: 1, durationSeconds: 4 });
    const response = await upload("clip.mov", video.bytes);
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    const [asset] = await db.select().from(creativeAssets).where(eq(creativeAssets.id, id));
    expect(asset).toMatchObject({ assetType: "video", mimeType: "video/mp4", format: "16:9", width: 1920, height: 1080, durationSeconds: 4 });
    expect(asset!.thumbnailKey).toBeTruthy();
  }, 60_000);

  it("needs a signed-in user", async () => {
    actAs(null);
    expect((await upload("a.png", await image(10, 10))).status).toBe(401);
  });
});
