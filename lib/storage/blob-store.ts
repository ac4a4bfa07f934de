import { BlobNotFoundError, del, get, put } from "@vercel/blob";
import type { FileContent, FileStorage, StoredFile } from "./types";

/**
 * Production: a private Vercel Blob store. Blobs are never public; the app
 * streams them through /api/files after checking the owner.
 */
export class VercelBlobStorage implements FileStorage {
  readonly kind = "vercel-blob" as const;

  constructor(private readonly token: string) {}

  async put(key: string, data: Uint8Array, contentType: string): Promise<StoredFile> {
    await put(key, Buffer.from(data), {
      access: "private",
      token: this.token,
      contentType,
      addRandomSuffix: false,
      allowOverwrite: true,
    });
    return { key, size: data.byteLength, contentType };
  }

  async get(key: string): Promise<FileContent | null> {
    try {
      const result = await get(key, { access: "private", token: this.token });
      if (!result || result.statusCode !== 200) return null;
      return { body: result.stream, size: result.blob.size, contentType: result.blob.contentType };
    } catch (error) {
      if (error instanceof BlobNotFoundError) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await del(key, { token: this.token });
  }
}
