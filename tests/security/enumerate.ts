import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * Every public entry point of the app, found by reading app/ at test time, so a
 * new server action or route handler shows up here without anyone listing it.
 * The parse is deliberately simple (line-start `export …`): the code base writes
 * its exports that way, and anything cleverer that slips past shows up as a
 * module with no exports, which the matrix reports too.
 */
export type Endpoint = {
  /** `app/…/actions.ts#name` for an action, `app/…/route.ts METHOD` for a route handler. */
  key: string;
  kind: "action" | "route";
  file: string;
  name: string;
};

const ROOT = path.resolve(import.meta.dirname, "../..");
const SOURCE = /\.(ts|tsx|js|jsx|mjs)$/;
const HTTP_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
const USE_SERVER = /(["'])use server\1/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return SOURCE.test(entry.name) && !/\.test\.[jt]sx?$/.test(entry.name) ? [full] : [];
  });
}

/** The names a module exports: functions, consts (destructured too), `export { a as b }`, default. */
export function exportedNames(source: string): string[] {
  const names = new Set<string>();
  for (const match of source.matchAll(/^export\s+(?:default\s+)?(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)/gm)) names.add(match[1]!);
  for (const match of source.matchAll(/^export\s+(?:const|let|var)\s+([A-Za-z_$][\w$]*)/gm)) names.add(match[1]!);
  for (const match of source.matchAll(/^export\s+(?:const|let|var)\s*\{([^}]*)\}/gm)) {
    for (const part of match[1]!.split(",")) if (part.trim()) names.add(part.split(":").at(-1)!.trim());
  }
  for (const match of source.matchAll(/^export\s*\{([^}]*)\}/gm)) {
    for (const part of match[1]!.split(",")) if (part.trim() && !part.trim().startsWith("type ")) names.add(part.split(/\s+as\s+/).at(-1)!.trim());
  }
  if (/^export\s+default\s+(?!async\s+function|function)/m.test(source)) names.add("default");
  return [...names];
}

/** True when the directive is the module's first statement (comments and blank lines may precede it). */
function isServerModule(source: string): boolean {
  const body = source.replace(/^(\s*(\/\/[^\n]*|\/\*[\s\S]*?\*\/))*\s*/, "");
  return /^(["'])use server\1/.test(body);
}

export function enumerateEndpoints(): Endpoint[] {
  const endpoints: Endpoint[] = [];
  for (const full of filesUnder(path.join(ROOT, "app"))) {
    const file = path.relative(ROOT, full).split(path.sep).join("/");
    const source = readFileSync(full, "utf8");
    if (/^route\.(ts|tsx|js|jsx|mjs)$/.test(path.basename(full))) {
      for (const name of exportedNames(source).filter((name) => HTTP_METHODS.has(name))) endpoints.push({ key: `${file} ${name}`, kind: "route", file, name });
    }
    if (isServerModule(source)) {
      const names = exportedNames(source);
      // A server module whose exports this parse cannot see must still get a decision.
      if (names.length === 0) endpoints.push({ key: `${file}#<unparsed exports>`, kind: "action", file, name: "<unparsed exports>" });
      for (const name of names) endpoints.push({ key: `${file}#${name}`, kind: "action", file, name });
    } else if (USE_SERVER.test(source)) {
      // An inline action (`"use server"` inside a function) is just as public; it needs an entry like any other.
      endpoints.push({ key: `${file}#<inline "use server">`, kind: "action", file, name: '<inline "use server">' });
    }
  }
  return endpoints.sort((a, b) => a.key.localeCompare(b.key));
}
