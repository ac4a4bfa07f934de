export type StoredFile = { key: string; size: number; contentType: string };

export type FileContent = {
  body: ReadableStream<Uint8Array>;
  size: number;
  contentType: string;
};

/** Where generated creatives and logos live; files are served only through /api/files. */
export interface FileStorage {
  readonly kind: "vercel-blob" | "local-files";
  put(key: string, data: Uint8Array, contentType: string): Promise<StoredFile>;
  /** Null when there is no such file. */
  get(key: string): Promise<FileContent | null>;
  delete(key: string): Promise<void>;
}
