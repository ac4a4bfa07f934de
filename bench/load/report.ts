import { percentile as nearestRank } from "@/lib/observability/percentile";
import type { ModeResult, Page } from "./drive";

/** NaN for a page with no samples, which the table prints as "-". */
const percentile = (sorted: number[], p: number) => nearestRank(sorted, p) ?? NaN;
const ms = (value: number) => (Number.isNaN(value) ? "-" : value.toFixed(0)).padStart(7);

export type Summary = { requests: number; p50: number; p95: number; p99: number; perSecond: number; errors: number };

/** Prints per-page and overall latency, throughput and errors of one mode; returns the overall figures. */
export function printMode(title: string, result: ModeResult, pages: Page[]): Summary {
  console.log(`\n${title}`);
  console.log(`  ${"page".padEnd(12)} ${"requests".padStart(8)} ${"req/s".padStart(7)} ${"p50 ms".padStart(7)} ${"p95 ms".padStart(7)} ${"p99 ms".padStart(7)} ${"max ms".padStart(7)} ${"non-2xx".padStart(7)} ${"wrong".padStart(6)} ${"KB".padStart(5)}`);
  const row = (label: string, samples: ModeResult["samples"]) => {
    const sorted = samples.map((sample) => sample.ms).sort((a, b) => a - b);
    const non2xx = samples.filter((sample) => sample.status < 200 || sample.status >= 300).length;
    const wrong = samples.filter((sample) => sample.problem && sample.status >= 200 && sample.status < 300).length;
    const kilobytes = samples.reduce((total, sample) => total + sample.bytes, 0) / Math.max(1, samples.length) / 1024;
    const summary = { requests: samples.length, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), p99: percentile(sorted, 0.99), perSecond: samples.length / result.seconds, errors: non2xx + wrong };
    console.log(
      `  ${label.padEnd(12)} ${String(summary.requests).padStart(8)} ${summary.perSecond.toFixed(1).padStart(7)} ${ms(summary.p50)} ${ms(summary.p95)} ${ms(summary.p99)} ${ms(sorted.at(-1) ?? NaN)} ${String(non2xx).padStart(7)} ${String(wrong).padStart(6)} ${kilobytes.toFixed(0).padStart(5)}`,
    );
    return summary;
  };
  for (const page of pages) row(page.path, result.samples.filter((sample) => sample.path === page.path));
  const all = row("all", result.samples);
  const problems = new Map<string, number>();
  for (const sample of result.samples) if (sample.problem) problems.set(`${sample.path}: ${sample.problem}`, (problems.get(`${sample.path}: ${sample.problem}`) ?? 0) + 1);
  for (const [problem, count] of problems) console.log(`    ${count} × ${problem}`);
  const errors = all.errors + result.socketErrors;
  console.log(`  errors: ${errors} (non-2xx or wrong page ${all.errors}, socket errors ${result.socketErrors} of which timeouts ${result.timeouts}) over ${result.seconds.toFixed(1)} s`);
  return { ...all, errors };
}
