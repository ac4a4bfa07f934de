import "server-only";
import path from "node:path";
import { env } from "@/lib/env";
import { VercelBlobStorage } from "./blob-store";
import { LocalFileStorage } from "./local-store";
import type { FileStorage } from "./types";

export type { FileContent, FileStorage, StoredFile } from "./types";
export { fileUrl, parseKey, userFileKey } from "./keys";
export { readBytes } from "./read-bytes";

let instance: FileStorage | undefined;

export function storage(): FileStorage {
  instance ??= env.BLOB_READ_WRITE_TOKEN
    ? new VercelBlobStorage(env.BLOB_READ_WRITE_TOKEN)
    : new LocalFileStorage(path.resolve(env.DATA_DIR, "blob"));
  return instance;
}
