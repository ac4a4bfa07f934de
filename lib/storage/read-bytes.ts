import "server-only";
import type { FileStorage } from "./types";

/** The whole stored file in memory (logos, thumbnails: small files only); null when missing. */
export async function readBytes(store: FileStorage, key: string): Promise<Buffer | null> {
  const file = await store.get(key);
  if (!file) return null;
  return Buffer.from(await new Response(file.body).arrayBuffer());
}
