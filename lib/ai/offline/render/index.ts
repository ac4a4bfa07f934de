import "server-only";

/**
 * The offline provider's creative renderer: designed ad images and short videos,
 * drawn on this machine from the request, brand kit and a seed, with bundled fonts
 * and the bundled ffmpeg. Same request and seed, same bytes.
 */
export { renderAdImage } from "./image";
export { renderAdVideo } from "./video";
