import "server-only";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The bundled TTFs every creative is set in. resvg gets exactly these files and
 * never the system's fonts, so a creative renders the same on a laptop and on
 * Vercel (which has no fonts at all).
 */

export type FontFace = { family: string; weight: number; file: string };

const face = (family: string, weight: number, pkg: string, dir: string, name: string): FontFace => ({
  family,
  weight,
  file: `@expo-google-fonts/${pkg}/${dir}/${name}_${dir}.ttf`,
});

export const FACES = {
  inter500: face("Inter", 500, "inter", "500Medium", "Inter"),
  inter600: face("Inter", 600, "inter", "600SemiBold", "Inter"),
  inter700: face("Inter", 700, "inter", "700Bold", "Inter"),
  montserrat500: face("Montserrat", 500, "montserrat", "500Medium", "Montserrat"),
  montserrat600: face("Montserrat", 600, "montserrat", "600SemiBold", "Montserrat"),
  montserrat700: face("Montserrat", 700, "montserrat", "700Bold", "Montserrat"),
  montserrat800: face("Montserrat", 800, "montserrat", "800ExtraBold", "Montserrat"),
  playfair700: face("Playfair Display", 700, "playfair-display", "700Bold", "PlayfairDisplay"),
  fredoka600: face("Fredoka", 600, "fredoka", "600SemiBold", "Fredoka"),
  fredoka700: face("Fredoka", 700, "fredoka", "700Bold", "Fredoka"),
} satisfies Record<string, FontFace>;

/** Loaded with every render so a character the chosen face lacks (Fredoka has no Cyrillic) still draws. */
export const FALLBACK_FACE: FontFace = FACES.inter600;

let root: string | undefined;

/** Absolute path of a face's TTF in node_modules. */
export function fontFilePath(font: FontFace): string {
  root ??= findNodeModules();
  return path.join(root, font.file);
}

// The server runs from the project root (locally and on Vercel, where the files are
// traced next to the function), so the working directory is tried first; walking up
// from this module covers tests and scripts started elsewhere.
function findNodeModules(): string {
  const probe = FALLBACK_FACE.file;
  const candidates = [path.join(process.cwd(), "node_modules")];
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 8; depth++) {
    candidates.push(path.join(dir, "node_modules"));
    dir = path.dirname(dir);
  }
  // The fonts are listed in next.config's outputFileTracingIncludes; tracing this probe would pull in the whole project.
  const found = candidates.find((candidate) => existsSync(path.join(/*turbopackIgnore: true*/ candidate, probe)));
  if (!found) throw new Error(`Bundled fonts not found: looked for ${probe} in ${candidates[0]} and above this module`);
  return found;
}
