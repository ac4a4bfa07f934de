import { createHash } from "node:crypto";
import { graphTime, type CallContext } from "../context";
import { invalidParam } from "../errors";
import type { NodeView } from "../fields";
import { listEdge } from "../paging";
import type { AdAccountRecord, ImageRecord } from "../types";
import { nowIso } from "./common";

/** Where the emulator serves uploaded images (Meta serves them from its CDN). */
export const MEDIA_PATH = "sandbox-media/images";

export const imageView: NodeView<ImageRecord> = {
  typeName: "AdImage",
  defaultFields: ["hash", "url"],
  async render(_ctx, image) {
    return {
      id: image.id,
      account_id: image.accountId,
      hash: image.hash,
      name: image.name,
      url: image.url,
      permalink_url: image.url,
      status: "ACTIVE",
      created_time: graphTime(image.createdTime),
      updated_time: graphTime(image.createdTime),
    };
  },
};

/** Meta's image hash is the MD5 of the bytes, so re-uploading the same file yields the same hash. */
async function storeImage(ctx: CallContext, account: AdAccountRecord, name: string, bytes: Buffer): Promise<{ hash: string; url: string }> {
  if (bytes.length === 0) throw invalidParam("Image data is empty");
  const hash = createHash("md5").update(bytes).digest("hex");
  const url = `${ctx.baseUrl}/${MEDIA_PATH}/${account.id}/${hash}`;
  await ctx.store.put("images", { id: `${account.id}:${hash}`, accountId: account.id, hash, name, url, bytesBase64: bytes.toString("base64"), createdTime: nowIso(ctx) });
  return { hash, url };
}

/** `bytes` (base64, what the SDK sends) is keyed "bytes"; multipart files by their file name. */
export async function createImages(ctx: CallContext, account: AdAccountRecord): Promise<{ images: Record<string, { hash: string; url: string }> }> {
  const images: Record<string, { hash: string; url: string }> = {};
  const base64 = ctx.params.string("bytes");
  if (base64) {
    if (!/^[A-Za-z0-9+/=\s_-]+$/.test(base64)) throw invalidParam("Param bytes must be base64-encoded image data");
    images.bytes = await storeImage(ctx, account, ctx.params.string("name") ?? "bytes", Buffer.from(base64, "base64"));
  }
  for (const file of Object.values(ctx.params.files)) images[file.filename] = await storeImage(ctx, account, file.filename, file.bytes);
  if (Object.keys(images).length === 0) throw invalidParam("No image was uploaded: send bytes or a file");
  return { images };
}

export async function listImages(ctx: CallContext, accountId: string) {
  const hashes = ctx.params.list("hashes");
  const images = (await ctx.store.list("images", { accountId })).filter((image) => !hashes || hashes.includes(image.hash));
  return listEdge(ctx, images.reverse(), imageView);
}

/** GET {prefix}/sandbox-media/images/{account}/{hash}: the bytes of an uploaded image. */
export async function serveImage(ctx: { store: CallContext["store"] }, rest: string): Promise<Response> {
  const [accountId = "", hash = ""] = rest.split("/");
  const image = await ctx.store.get("images", `${accountId}:${hash}`);
  if (!image) return new Response("Not found", { status: 404 });
  const bytes = Buffer.from(image.bytesBase64, "base64");
  return new Response(new Uint8Array(bytes), { headers: { "content-type": sniffImageType(bytes), "cache-control": "public, max-age=31536000, immutable" } });
}

function sniffImageType(bytes: Buffer): string {
  if (bytes[0] === 0x89 && bytes[1] === 0x50) return "image/png";
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return "image/jpeg";
  if (bytes.subarray(0, 3).toString("ascii") === "GIF") return "image/gif";
  return "application/octet-stream";
}
