import "server-only";
import sharp from "sharp";
import { createRng } from "./prng";

const TILE = 160;
/** Peak opacity of a grain speck. */
const STRENGTH = 26;
let tile: Promise<Buffer> | undefined;

/**
 * A tile of film grain (faint white and black specks, composited "over"): breaks up
 * banding in large gradients and makes a generated backdrop read as a photograph.
 * The noise is fixed, so output stays deterministic.
 */
export function grainTile(): Promise<Buffer> {
  tile ??= (() => {
    const rng = createRng(0x6a41);
    const pixels = Buffer.alloc(TILE * TILE * 4);
    for (let offset = 0; offset < pixels.length; offset += 4) {
      const noise = rng.next() + rng.next() - 1; // triangular, -1..1
      pixels.fill(noise > 0 ? 255 : 0, offset, offset + 3);
      pixels[offset + 3] = Math.round(Math.abs(noise) * STRENGTH);
    }
    return sharp(pixels, { raw: { width: TILE, height: TILE, channels: 4 } }).png().toBuffer();
  })();
  return tile;
}
