/**
 * Storage keys are `users/<userId>/<folder>/<name>.<ext>`. The owner is part of
 * the key, so the file route can check ownership without a database read, and a
 * key that does not parse is simply not found.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export const CONTENT_TYPES: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  webp: "image/webp",
  gif: "image/gif",
  svg: "image/svg+xml",
  mp4: "video/mp4",
  mov: "video/quicktime",
  webm: "video/webm",
  csv: "text/csv",
  json: "application/json",
};

export type ParsedKey = { ownerId: string; key: string; extension: string };

export function userFileKey(userId: string, folder: string, name: string): string {
  const key = `users/${userId}/${folder}/${name}`;
  if (!parseKey(key)) throw new Error(`Invalid storage key: ${key}`);
  return key;
}

export function parseKey(key: string): ParsedKey | null {
  const segments = key.split("/");
  if (segments.length < 4 || segments[0] !== "users") return null;
  const ownerId = segments[1]!;
  if (!UUID.test(ownerId)) return null;
  // Each later segment is a plain name: no "..", no empty parts, no encoded separators.
  if (!segments.slice(2).every((segment) => SEGMENT.test(segment) && !segment.includes(".."))) return null;
  const extension = segments.at(-1)!.split(".").at(-1)!.toLowerCase();
  if (!(extension in CONTENT_TYPES)) return null;
  return { ownerId, key, extension };
}

/** The app URL a browser uses for a stored file. */
export function fileUrl(key: string): string {
  return `/api/files/${key}`;
}
