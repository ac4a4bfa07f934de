import "server-only";

/** Graph object ids are decimal numbers (Pages, pixels, apps, events, audiences). */
export function isGraphId(value: string | undefined | null): value is string {
  return typeof value === "string" && /^\d{1,20}$/.test(value);
}

/**
 * An App Store or Google Play listing, the only store URLs Meta accepts as
 * promoted_object.object_store_url: https://apps.apple.com/…/id123 or
 * https://play.google.com/store/apps/details?id=com.example.
 */
export function isAppStoreUrl(value: string | undefined | null): value is string {
  if (!value) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== "https:" || url.username || url.password) return false;
  if (url.hostname === "apps.apple.com") return /\/id\d+\/?$/.test(url.pathname);
  if (url.hostname === "play.google.com") return url.pathname === "/store/apps/details" && Boolean(url.searchParams.get("id"));
  return false;
}

/** "https://www.facebook.com/events/123456789/" or "123456789" → "123456789"; anything else unchanged. */
export function eventIdFrom(value: string): string {
  const fromLink = /^https?:\/\/(?:www\.|m\.|web\.)?facebook\.com\/events\/(\d+)/i.exec(value.trim());
  return fromLink ? fromLink[1]! : value.trim();
}
