import { createReadStream } from "node:fs";
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { CONTENT_TYPES, parseKey } from "./keys";
import type { FileContent, FileStorage, StoredFile } from "./types";

/** The embedded default: files under DATA_DIR/blob, one file per key. */
export class LocalFileStorage implements FileStorage {
  readonly kind = "local-files" as const;

  constructor(private readonly root: string) {}

  async put(key: string, data: Uint8Array, contentType: string): Promise<StoredFile> {
    const file = this.pathOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    // Write then rename, so a reader never sees half a file.
    const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temporary, data);
    await rename(temporary, file);
    return { key, size: data.byteLength, contentType };
  }

  async get(key: string): Promise<FileContent | null> {
    const parsed = parseKey(key);
    if (!parsed) return null;
    const file = this.pathOf(key);
    try {
      const info = await stat(file);
      if (!info.isFile()) return null;
      return {
        body: Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>,
        size: info.size,
        contentType: CONTENT_TYPES[parsed.extension]!,
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    if (!parseKey(key)) throw new Error(`Invalid storage key: ${key}`);
    const file = path.resolve(this.root, key);
    // parseKey already forbids traversal; this is the belt to its braces.
    if (!file.startsWith(path.resolve(this.root) + path.sep)) throw new Error(`Invalid storage key: ${key}`);
    return file;
  }
}
