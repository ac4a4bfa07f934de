import type { LayerName } from "./foreground";

/**
 * The ffmpeg command that animates a creative's pre-rendered layers: a slow push-in
 * on the backdrop, the brand fading in, headline lines rising one after another,
 * the button after them, and an end card for the last moments. Only filters that
 * exist in ffmpeg 4.1 are used (no xfade, no per-frame scale).
 */

export type VideoPlan = {
  width: number;
  height: number;
  fps: number;
  durationSeconds: number;
  /** Raw rgb24, larger than the frame so the zoom resamples instead of upscaling. */
  backdrop: { file: string; width: number; height: number };
  /** Where the push-in heads, as fractions of the frame (the content's centre keeps its panel under it). */
  focus: { x: number; y: number };
  layers: Array<{ name: LayerName; file: string; x: number; y: number }>;
  endCard: string;
  /** Slide distance of rising elements, in pixels. */
  rise: number;
};

/** How far the backdrop zooms over the whole clip. */
const ZOOM = 0.08;
const END_CARD_SECONDS = 1.5;
const END_CARD_FADE = 0.45;

type Motion = { start: number; fade: number; rise: number };

/** When each layer appears; headline lines are staggered in reading order. */
function motions(plan: VideoPlan): Motion[] {
  const lines = plan.layers.filter((layer) => layer.name === "headline").length;
  const headlineStart = 0.45;
  const stagger = 0.16;
  const afterHeadline = headlineStart + stagger * Math.max(0, lines - 1) + 0.55;
  let line = 0;
  return plan.layers.map(({ name }) => {
    switch (name) {
      case "brand":
        return { start: 0.15, fade: 0.6, rise: 0 };
      case "headline":
        return { start: headlineStart + stagger * line++, fade: 0.6, rise: plan.rise };
      case "rule":
        return { start: afterHeadline - 0.15, fade: 0.45, rise: 0 };
      case "cta":
        return { start: afterHeadline, fade: 0.5, rise: plan.rise * 0.6 };
      case "website":
        return { start: afterHeadline + 0.2, fade: 0.5, rise: 0 };
    }
  });
}

const seconds = (value: number) => value.toFixed(3);

export function ffmpegArgs(plan: VideoPlan, output: string): string[] {
  const { fps, durationSeconds: duration } = plan;
  const frames = Math.round(duration * fps);
  const inputs: string[] = ["-f", "rawvideo", "-pix_fmt", "rgb24", "-video_size", `${plan.backdrop.width}x${plan.backdrop.height}`, "-i", plan.backdrop.file];
  for (const layer of plan.layers) inputs.push("-i", layer.file);
  inputs.push("-i", plan.endCard);

  // Each still is decoded and converted to the encoder's colour space once, then
  // repeated by the loop filter: decoding or converting it again for every frame
  // costs seconds. Alpha comes along (yuva420p) for the fades.
  const still = (input: number) => `[${input}:v]format=yuva420p,loop=loop=-1:size=1:start=0,setpts=N/(${fps}*TB)`;
  const graph: string[] = [
    `[0:v]zoompan=z='1+${ZOOM}*on/${frames}':x='iw*${plan.focus.x.toFixed(4)}*(1-1/zoom)':y='ih*${plan.focus.y.toFixed(4)}*(1-1/zoom)'` +
      `:d=${frames}:s=${plan.width}x${plan.height}:fps=${fps}[v0]`,
  ];
  let current = "v0";
  motions(plan).forEach((motion, index) => {
    const layer = plan.layers[index];
    if (!layer) return;
    const input = index + 1;
    graph.push(`${still(input)},fade=t=in:st=${seconds(motion.start)}:d=${seconds(motion.fade)}:alpha=1[l${input}]`);
    // Ease-out cubic: fast at first, settling into place.
    const y =
      motion.rise > 0
        ? `'${layer.y}+${Math.round(motion.rise)}*pow(1-clip((t-${seconds(motion.start)})/${seconds(motion.fade + 0.15)},0,1),3)'`
        : String(layer.y);
    graph.push(`[${current}][l${input}]overlay=x=${layer.x}:y=${y}[v${input}]`);
    current = `v${input}`;
  });
  const endInput = plan.layers.length + 1;
  const endStart = duration - END_CARD_SECONDS;
  graph.push(
    `${still(endInput)},trim=duration=${seconds(END_CARD_SECONDS)},fade=t=in:st=0:d=${seconds(END_CARD_FADE)}:alpha=1,setpts=PTS+${seconds(endStart)}/TB[end]`,
    `[${current}][end]overlay=x=0:y=0:eof_action=pass,format=yuv420p[out]`,
  );

  return [
    "-loglevel",
    "error",
    "-y",
    ...inputs,
    "-filter_complex",
    graph.join(";"),
    "-map",
    "[out]",
    "-t",
    seconds(duration),
    "-r",
    String(fps),
    "-c:v",
    "libx264",
    "-preset",
    "veryfast",
    "-crf",
    "21",
    "-profile:v",
    "high",
    "-pix_fmt",
    "yuv420p",
    // A keyframe every two seconds keeps scrubbing in Ads Manager responsive.
    "-g",
    String(fps * 2),
    "-movflags",
    "+faststart",
    "-an",
    output,
  ];
}
