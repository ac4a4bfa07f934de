import { z } from "zod";

/**
 * What people type ("acme.com", "www.acme.com/shop") made into an address:
 * https is assumed, only http(s) is accepted. Whether it is safe to fetch is
 * decided later, after DNS, by the safe fetcher.
 */
export const websiteUrl = z
  .string()
  .trim()
  .min(1, "Enter your website's address.")
  .max(2000, "That address is too long.")
  .transform((value) => (/^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`))
  .pipe(
    z
      .url({ message: "That does not look like a web address. Try something like https://example.com." })
      .refine((value) => /^https?:$/.test(new URL(value).protocol), "Only http:// and https:// websites can be analyzed.")
      .refine((value) => new URL(value).hostname.includes(".") || /^\[/.test(new URL(value).hostname), "Enter a full domain, like example.com."),
  );
