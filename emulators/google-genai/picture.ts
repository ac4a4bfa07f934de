import sharp, { type Sharp } from "sharp";
import { hashText, hexColor, seededRandom } from "./seeded";

/**
 * The emulator's "generated" picture: an abstract composition (gradient, soft
 * shapes) drawn from the prompt's hash, so it is deterministic, differs per
 * prompt, and uses any #rrggbb colours the prompt names, as a brand-aware model would.
 */
export function renderPicture(prompt: string, width: number, height: number): Sharp {
  const random = seededRandom(hashText(prompt));
  const named = [...new Set(prompt.match(/#[0-9a-f]{6}\b/gi) ?? [])];
  const colors = [...named, ...Array.from({ length: 4 }, () => hexColor(random))];
  const [from, to, ...accents] = colors;
  const shapes = Array.from({ length: 6 }, (_, index) => {
    const color = accents[index % accents.length] ?? "#ffffff";
    const x = Math.round(random() * width);
    const y = Math.round(random() * height);
    const size = Math.round((0.1 + random() * 0.3) * Math.min(width, height));
    const opacity = (0.25 + random() * 0.5).toFixed(2);
    return index % 2 === 0
      ? `<circle cx="${x}" cy="${y}" r="${size}" fill="${color}" fill-opacity="${opacity}"/>`
      : `<rect x="${x - size}" y="${y - size / 2}" width="${size * 2}" height="${size}" rx="${Math.round(size / 4)}" fill="${color}" fill-opacity="${opacity}"/>`;
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
  <defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>
  <rect width="${width}" height="${height}" fill="url(#bg)"/>${shapes.join("")}
</svg>`;
  return sharp(Buffer.from(svg)).removeAlpha();
}
