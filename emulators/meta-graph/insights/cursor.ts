/**
 * Paging over insights rows. A cursor encodes the row's sort key (bucket start
 * + entity id), not its position, so a page boundary stays put even if a new
 * day of delivery appears between two page requests.
 */
export type RowKey = { date: string; id: string };

export const encodeCursor = (key: RowKey): string => Buffer.from(`${key.date}|${key.id}`, "utf8").toString("base64url");

export function decodeCursor(cursor: string): RowKey | undefined {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  const match = /^(\d{4}-\d{2}-\d{2})\|(.+)$/.exec(text);
  return match ? { date: match[1] as string, id: match[2] as string } : undefined;
}

/** Graph ids are digit strings of varying length: compare them as numbers when both are. */
function compareIds(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b) && a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

export const compareKeys = (a: RowKey, b: RowKey): number => (a.date < b.date ? -1 : a.date > b.date ? 1 : compareIds(a.id, b.id));
