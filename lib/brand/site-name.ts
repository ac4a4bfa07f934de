import "server-only";

/** Separators sites put between the page's title and the site's name. */
const TITLE_SEPARATOR = /\s+[|–—·•:»-]{1,2}\s+/;
const GENERIC_PART = /^(home( ?page)?|welcome|start|official (web)?site|index|main|accueil|bienvenue|inicio|bienvenid[oa]s?|startseite|willkommen|benvenuti|welkom)$/i;

const compact = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, "");

/** "www.sweet-crumbs.co.uk" → "sweetcrumbs": the label that names the business. */
export function hostnameLabel(hostname: string): string {
  const labels = hostname.toLowerCase().replace(/^www\d?\./, "").split(".");
  // Skip a short second-level label in front of a country code ("co.uk", "com.au").
  const index = labels.length >= 3 && labels[labels.length - 2]!.length <= 3 && labels[labels.length - 1]!.length === 2 ? labels.length - 3 : labels.length - 2;
  return compact(labels[Math.max(0, index)] ?? hostname);
}

/**
 * The site's name out of a "Page | Site" title: the part that matches the domain
 * when one does, otherwise the first part that is not "Home" or "Welcome".
 * Undefined for a title with no separator: it may be a slogan, not a name.
 */
export function siteNameFromTitle(title: string, hostname: string): string | undefined {
  const parts = title
    .split(TITLE_SEPARATOR)
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length < 2) return undefined;
  const label = hostnameLabel(hostname);
  const matching = parts.find((part) => {
    const name = compact(part);
    return name.length > 0 && label.length > 2 && (name.includes(label) || label.includes(name));
  });
  return matching ?? parts.find((part) => !GENERIC_PART.test(part));
}
