import { DAY_SECONDS, localSeconds } from "./calendar";
import type { DeliveryStatus, StatusChange } from "./types";

/**
 * When an ad can deliver: after every start (creation times, start times),
 * before every end (stop/end times, "now"), and while the ad, its ad set and
 * its campaign are all ACTIVE. Positions are seconds on the account-local
 * timeline (see calendar.ts), so partial days get partial delivery.
 */

type StatusTimeline = { fallback: DeliveryStatus; changes: Array<{ at: number; status: DeliveryStatus }> };

export type DeliveryGate = { from: number; to: number; statuses: StatusTimeline[] };

export function statusTimeline(current: DeliveryStatus, history: StatusChange[] | undefined, timeZone: string): StatusTimeline {
  const changes = (history ?? [])
    .map((change) => ({ at: localSeconds(change.at, timeZone), status: change.status }))
    .sort((a, b) => a.at - b.at);
  return { fallback: current, changes };
}

function statusAt(timeline: StatusTimeline, at: number): DeliveryStatus {
  const first = timeline.changes[0];
  if (!first) return timeline.fallback;
  let status = first.status;
  for (const change of timeline.changes) {
    if (change.at > at) break;
    status = change.status;
  }
  return status;
}

export function deliveryGate(args: {
  starts: Array<string | undefined>;
  ends: Array<string | undefined>;
  /** Already a local-timeline second: the caller's "now". */
  now: number;
  statuses: StatusTimeline[];
  timeZone: string;
}): DeliveryGate {
  const toSeconds = (times: Array<string | undefined>) =>
    times.filter((time): time is string => time !== undefined && time !== "").map((time) => localSeconds(time, args.timeZone));
  return {
    from: Math.max(Number.NEGATIVE_INFINITY, ...toSeconds(args.starts)),
    to: Math.min(args.now, ...toSeconds(args.ends)),
    statuses: args.statuses,
  };
}

/** Fraction (0..1) of the local `day` during which the gate lets delivery through. */
export function activeFraction(gate: DeliveryGate, day: number): number {
  const lo = Math.max(day * DAY_SECONDS, gate.from);
  const hi = Math.min((day + 1) * DAY_SECONDS, gate.to);
  if (hi <= lo) return 0;
  // Status can only flip at a change, so test the midpoint of each stretch between changes.
  const points = [lo, hi];
  for (const timeline of gate.statuses) {
    for (const change of timeline.changes) if (change.at > lo && change.at < hi) points.push(change.at);
  }
  points.sort((a, b) => a - b);
  let active = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as number;
    const b = points[i] as number;
    if (b <= a) continue;
    const mid = (a + b) / 2;
    if (gate.statuses.every((timeline) => statusAt(timeline, mid) === "ACTIVE")) active += b - a;
  }
  return active / DAY_SECONDS;
}
