import autocannon from "autocannon";

/** A page in the mix and a piece of text only the real, filled-in page contains. */
export type Page = { path: string; marker: string };
/** A signed-in user: their session cookie and the address their proxy forwards. */
export type Visitor = { email: string; cookie: string; ip: string };
/** One answered request; `problem` says why it does not count as the page (null when it does). */
export type Sample = { path: string; ms: number; bytes: number; status: number; problem: string | null };
export type ModeResult = { samples: Sample[]; socketErrors: number; timeouts: number; seconds: number };

/** Why a response is not the page the user asked for, or null when it is. */
function problemWith(page: Page, visitor: Visitor, status: number, body: string, location: unknown): string | null {
  if (status >= 300 && status < 400) return `redirect to ${String(location ?? "?").replace(/^https?:\/\/[^/]+/, "").split("?")[0]}`;
  if (status < 200 || status >= 300) return `HTTP ${status}`;
  if (!body.includes(page.marker)) return "200 without the page's content";
  // The user menu carries the signed-in email: a page rendered for anyone else is an error too.
  if (!body.includes(visitor.email)) return "200 for another user";
  return null;
}

/**
 * Every visitor is one autocannon instance with one keep-alive connection and
 * its own cookie, walking the pages in turn from a different starting page.
 * With `ratePerUser`, each sends at most that many requests a second, and the
 * users start at random moments within the first second so their requests do
 * not arrive in lockstep; without it, every connection runs flat out.
 */
export async function runMode(options: { baseUrl: string; visitors: Visitor[]; pages: Page[]; seconds: number; ratePerUser?: number }): Promise<ModeResult> {
  const samples: Sample[] = [];
  let socketErrors = 0;
  let timeouts = 0;
  const started = performance.now();
  await Promise.all(
    options.visitors.map(async (visitor, index) => {
      if (options.ratePerUser) await new Promise((resolve) => setTimeout(resolve, (Math.random() * 1000) / options.ratePerUser!));
      // Filled by onResponse, emptied by the "response" event that autocannon emits right after it with the latency.
      const answered: Array<Omit<Sample, "ms" | "bytes">> = [];
      const requests = options.pages.map((_, offset) => {
        const page = options.pages[(index + offset) % options.pages.length]!;
        return {
          method: "GET" as const,
          path: page.path,
          onResponse: (status: number, body: string, _context: object, headers?: Record<string, unknown>) => {
            answered.push({ path: page.path, status, problem: problemWith(page, visitor, status, body, headers?.location ?? headers?.Location) });
          },
        };
      });
      const result = await new Promise<autocannon.Result>((resolve, reject) => {
        const instance = autocannon(
          {
            url: options.baseUrl,
            connections: 1,
            duration: options.seconds,
            connectionRate: options.ratePerUser,
            headers: { cookie: visitor.cookie, "x-forwarded-for": visitor.ip },
            requests,
            timeout: 10,
          },
          (error, result) => (error ? reject(error) : resolve(result)),
        );
        instance.on("response", (_client, _status, bytes, ms) => {
          const sample = answered.shift();
          if (sample) samples.push({ ...sample, ms, bytes });
        });
      });
      socketErrors += result.errors;
      timeouts += result.timeouts;
    }),
  );
  return { samples, socketErrors, timeouts, seconds: (performance.now() - started) / 1000 };
}
