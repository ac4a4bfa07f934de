import { z } from "zod";

/**
 * What people type ("acme.com", "www.acme.com/shop") made into an address:
 * https is assumed, only http(s) is accepted. Whether it is safe to fetch is
 * decided later, after DNS, by the safe fetcher.
 */
const parsed = (value: string) => (URL.canParse(value) ? new URL(value) : null);

export const websiteUrl = z
  .string()
  .trim()
  .min(1, "Enter your website's address.")
  .max(2000, "That address is too long.")
  .transform((value) => (/^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`))
  .pipe(
    z
      .url({ message: "That does not look like a web address. Try something like https://example.com." })
      // zod runs every check even after one fails, so each must cope with a non-URL.
      .refine((value) => /^https?:$/.test(parsed(value)?.protocol ?? "http:"), "Only http:// and https:// websites can be analyzed.")
      .refine((value) => !parsed(value) || /[.[]/.test(parsed(value)!.hostname), "Enter a full domain, like example.com."),
  );
