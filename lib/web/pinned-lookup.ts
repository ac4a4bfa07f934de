import "server-only";
import type { LookupFunction } from "node:net";

export type ResolvedAddress = { address: string; family: number };

/**
 * A `lookup` for node:http(s) that answers with addresses we already resolved and
 * validated, instead of asking DNS again. A second lookup could get a different
 * answer (DNS rebinding) and so reach an address that was never checked.
 */
export function pinnedLookup(hostname: string, addresses: readonly ResolvedAddress[]): LookupFunction {
  return (requested, options, callback) => {
    if (requested.toLowerCase() !== hostname.toLowerCase() || addresses.length === 0) {
      const error = Object.assign(new Error(`refusing to look up ${requested}`), { code: "ENOTFOUND" });
      callback(error, "", 0);
      return;
    }
    const wanted = options.family === 4 || options.family === 6 ? addresses.filter((entry) => entry.family === options.family) : addresses;
    const usable = wanted.length > 0 ? wanted : addresses;
    // Node asks for every address when it races IPv4 and IPv6 (autoSelectFamily), else for one.
    if (options.all) callback(null, usable.map((entry) => ({ address: entry.address, family: entry.family })));
    else callback(null, usable[0]!.address, usable[0]!.family);
  };
}
