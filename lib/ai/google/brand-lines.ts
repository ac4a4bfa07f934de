import "server-only";
import type { BrandContext } from "../types";

/** The brand kit as prompt lines; fields the marketer has not filled in are left out. */
export function brandLines(brand: BrandContext | null): string[] {
  if (!brand) return ["Brand: none given. Write for a friendly, trustworthy small business."];
  const lines = [
    brand.name && `Brand name: ${brand.name}`,
    brand.websiteUrl && `Website: ${brand.websiteUrl}`,
    brand.tone.length > 0 && `Voice: ${brand.tone.join(", ")}`,
    brand.audience && `Audience: ${brand.audience}`,
    brand.valuePropositions.length > 0 && `What customers get: ${brand.valuePropositions.join("; ")}`,
    brand.wordsToUse.length > 0 && `Words to use: ${brand.wordsToUse.join(", ")}`,
    brand.wordsToAvoid.length > 0 && `Words to avoid: ${brand.wordsToAvoid.join(", ")}`,
  ];
  return lines.filter((line): line is string => Boolean(line));
}
