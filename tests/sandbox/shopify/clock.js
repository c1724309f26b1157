// The store's clock is logical: it starts at a fixed instant and moves one second per write.
// Timestamps (createdAt, updatedAt, webhook triggered-at) are therefore identical on every run,
// and strictly increasing, which is what `updated_at:>` watermarks need. Clients must take their
// watermarks from the timestamps the simulator returns, never from their own wall clock.
export const DEFAULT_CLOCK_START = '2026-01-01T00:00:00Z';

export class LogicalClock {
  #start;
  #seconds = 0;
  #stopped = false;

  constructor(start = DEFAULT_CLOCK_START) {
    this.#start = Date.parse(start);
    if (Number.isNaN(this.#start)) throw new Error(`clockStart is not a date: ${start}`);
  }

  /** The current instant, ISO-8601 UTC without milliseconds (Shopify's DateTime format). */
  now() {
    return new Date(this.#start + this.#seconds * 1000).toISOString().replace('.000Z', 'Z');
  }

  /** Advances one second and returns the new instant. */
  tick() {
    if (!this.#stopped) this.#seconds += 1;
    return this.now();
  }

  /** Runs `work` with time standing still, so everything it writes carries the same instant. */
  stopped(work) {
    this.#stopped = true;
    try {
      return work();
    } finally {
      this.#stopped = false;
    }
  }

  reset() {
    this.#seconds = 0;
  }
}
