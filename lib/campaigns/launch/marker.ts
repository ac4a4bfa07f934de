import { randomBytes } from "node:crypto";

/** A launch's marker: short, random, and put in the name of everything the launch makes on Meta. */
export function newLaunchMarker(): string {
  return `ap-${randomBytes(4).toString("hex")}`;
}

/** The tag that identifies one object of one launch, e.g. `[ap-1a2b3c4d adset]`; the campaign's own is `[ap-1a2b3c4d]`. */
export function markerTag(marker: string, key?: string): string {
  return key ? `[${marker} ${key}]` : `[${marker}]`;
}

/** The object's name on Meta: what the marketer reads, then the tag (kept whole when the name is cut). */
export function markedName(base: string, marker: string, key?: string): string {
  const tag = markerTag(marker, key);
  const readable = base.trim().replace(/\s+/g, " ").slice(0, 200);
  return readable ? `${readable} ${tag}` : tag;
}
