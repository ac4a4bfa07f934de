/** Small helpers for writing SVG markup by hand. */

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "apos" }[char]};`);
}

/** Coordinates with at most two decimals: shorter markup, and no float noise in the bytes. */
export function n(value: number): string {
  return String(Math.round(value * 100) / 100);
}

export type Box = { x: number; y: number; w: number; h: number };

export function rect(box: Box, attributes: string, radius = 0): string {
  const corner = radius > 0 ? ` rx="${n(radius)}"` : "";
  return `<rect x="${n(box.x)}" y="${n(box.y)}" width="${n(box.w)}" height="${n(box.h)}"${corner} ${attributes}/>`;
}

export function polygon(points: Array<[number, number]>, attributes: string): string {
  return `<polygon points="${points.map(([x, y]) => `${n(x)},${n(y)}`).join(" ")}" ${attributes}/>`;
}

export function circle(cx: number, cy: number, r: number, attributes: string): string {
  return `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(r)}" ${attributes}/>`;
}

export function svgDocument(width: number, height: number, body: string, viewBox?: Box): string {
  const view = viewBox ? `${n(viewBox.x)} ${n(viewBox.y)} ${n(viewBox.w)} ${n(viewBox.h)}` : `0 0 ${width} ${height}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${view}">${body}</svg>`;
}

/** Grows a box by `by` on every side. */
export function inflate(box: Box, by: number): Box {
  return { x: box.x - by, y: box.y - by, w: box.w + 2 * by, h: box.h + 2 * by };
}

export function intersects(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** Distance from a point to the nearest point of a box (0 inside). */
export function distanceToBox(x: number, y: number, box: Box): number {
  const dx = Math.max(box.x - x, 0, x - (box.x + box.w));
  const dy = Math.max(box.y - y, 0, y - (box.y + box.h));
  return Math.hypot(dx, dy);
}

/**
 * A smooth closed blob through `count` points around a centre (Catmull-Rom turned
 * into cubic Béziers), for playful and photographic shapes.
 */
export function blobPath(cx: number, cy: number, radius: number, wobble: number, count: number, random: () => number): string {
  const points: Array<[number, number]> = [];
  for (let index = 0; index < count; index++) {
    const angle = (index / count) * Math.PI * 2;
    const r = radius * (1 - wobble / 2 + random() * wobble);
    points.push([cx + Math.cos(angle) * r, cy + Math.sin(angle) * r]);
  }
  const at = (index: number) => points[(index + count) % count] as [number, number];
  let d = `M${n(at(0)[0])},${n(at(0)[1])}`;
  for (let index = 0; index < count; index++) {
    const [p0, p1, p2, p3] = [at(index - 1), at(index), at(index + 1), at(index + 2)];
    const c1: [number, number] = [p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6];
    const c2: [number, number] = [p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6];
    d += `C${n(c1[0])},${n(c1[1])} ${n(c2[0])},${n(c2[1])} ${n(p2[0])},${n(p2[1])}`;
  }
  return `${d}Z`;
}
