/**
 * Headers every response carries. Framing is refused (clickjacking a "Launch" or
 * "Apply" button would spend someone's money), MIME sniffing is off, referrers stay
 * on our origin, powerful browser features are off, and HTTPS is pinned for two
 * years (browsers ignore HSTS over plain http, so local development is unaffected).
 * Pages get the full script policy with a per-request nonce from proxy.ts; this
 * static one covers API answers and files, which never run scripts.
 */
export const SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'; base-uri 'self'; object-src 'none'" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];
