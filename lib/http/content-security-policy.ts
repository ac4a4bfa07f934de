/**
 * The page Content-Security-Policy, built per request around a fresh nonce.
 * Scripts run only with the nonce ('strict-dynamic' lets Next.js's own chunk
 * loader add the rest), so an injected <script> or inline handler does not run.
 * Styles keep 'unsafe-inline': the charts and toasts set inline styles, and a
 * style cannot spend money. Images and video may come from Vercel Blob or any
 * https origin a creative was stored at; connections stay on our origin.
 */
export function contentSecurityPolicy(nonce: string, { development = false } = {}): string {
  return [
    "default-src 'self'",
    // React's development build evaluates code for its error overlay; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "media-src 'self' blob: https:",
    "font-src 'self' data:",
    `connect-src 'self'${development ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    // Connecting Meta leaves for facebook.com from our own pages only.
    "form-action 'self' https://www.facebook.com",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** 128 random bits, base64: unguessable and fresh for every page view. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}
