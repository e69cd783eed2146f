// How `run` overlaps ingest and analysis: ingest says when a batch of rows is committed, analysis waits for it.

/**
 * While a file is read, the analysis works on the rows already committed instead of waiting for the end
 * of the file: ingest runs on the main thread, and without this one core would idle through it. Rows reach
 * the analysis only through the store, so memory stays bounded however far ingest runs ahead.
 */
export class IngestFeed {
  private finished = false;
  private failure: Error | undefined;
  private waiting: (() => void)[] = [];

  /** True once ingest has ended, normally or not: no more rows will come. */
  get done(): boolean {
    return this.finished;
  }

  /** Set when the other side failed: ingest stops at its next commit rather than read on for nothing. */
  get failed(): Error | undefined {
    return this.failure;
  }

  /** Ingest committed more rows. */
  committed(): void {
    this.wake();
  }

  finish(): void {
    this.finished = true;
    this.wake();
  }

  fail(error: Error): void {
    this.failure ??= error;
    this.finish();
  }

  /** Resolves at the next commit, or at once if ingest has ended. */
  next(): Promise<void> {
    if (this.finished) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }
}
