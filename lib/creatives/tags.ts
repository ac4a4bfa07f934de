/** Tags are short lower-case words: "summer sale, Instagram" → ["summer sale", "instagram"]. */
export function parseTags(text: string): string[] {
  const tags = text
    .split(/[,\n]/)
    // Control characters are never part of a label, and PostgreSQL refuses NUL outright.
    .map((tag) => tag.replace(/\p{Cc}/gu, " ").trim().toLowerCase().replace(/\s+/g, " ").slice(0, 32))
    .filter(Boolean);
  return [...new Set(tags)];
}
