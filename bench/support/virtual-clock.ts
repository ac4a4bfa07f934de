/**
 * A process clock that runs at real speed but can be moved forward, so a bench
 * skips the waits the job machinery schedules (a rate-limit pause of minutes,
 * retry back-off) instead of sleeping through them, as the sync's tests do with
 * fake timers. Only Date moves: timers and performance.now() keep real time,
 * and PostgreSQL's now() is untouched (the job code compares it only with itself).
 */
export type VirtualClock = {
  /** Moves the clock to `epochMs` if that is ahead of it. */
  advanceTo(epochMs: number): void;
  /** How far the clock has been moved ahead of real time, in ms. */
  skippedMs(): number;
};

export function installVirtualClock(): VirtualClock {
  const RealDate = Date;
  let offset = 0;
  class VirtualDate extends RealDate {
    constructor(...args: [] | [string | number | Date] | [number, number, number?, number?, number?, number?, number?]) {
      if (args.length === 0) super(RealDate.now() + offset);
      else if (args.length === 1) super(args[0]);
      else super(...args);
    }

    static override now(): number {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = VirtualDate as DateConstructor;
  return {
    advanceTo(epochMs) {
      offset = Math.max(offset, epochMs - RealDate.now());
    },
    skippedMs: () => offset,
  };
}
