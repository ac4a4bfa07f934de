/** A failure retrying cannot fix (bad input, a refused permission): the run fails with this message. */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentJobError";
  }
}

/**
 * Thrown by a step to be called again later (a rate-limit pause, a video still
 * processing): the run waits and is re-delivered after `seconds`, with no retry spent.
 */
export class RetryLater extends Error {
  constructor(
    readonly seconds: number,
    reason: string,
  ) {
    super(reason);
    this.name = "RetryLater";
  }
}

/** Internal: a durable sleep ends this delivery; the run resumes at `resumeAt`. */
export class Suspend extends Error {
  constructor(readonly resumeAt: Date) {
    super("suspended");
    this.name = "Suspend";
  }
}
