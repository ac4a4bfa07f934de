import { z } from "zod";

const uuid = z.uuid();

/** Run ids that "Sync now" put in the URL: only well-formed ids, a handful at most (one per ad account). */
export function requestedRuns(value: string | string[] | undefined): string[] {
  const raw = Array.isArray(value) ? value.join(",") : (value ?? "");
  return [...new Set(raw.split(",").filter((id) => uuid.safeParse(id).success))].slice(0, 20);
}

/** A message the sync action sent back, shortened so a crafted URL cannot fill the page. */
export function syncMessage(value: string | string[] | undefined): string | null {
  const text = Array.isArray(value) ? value[0] : value;
  return text ? text.slice(0, 200) : null;
}
