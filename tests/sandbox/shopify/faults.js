// Injected faults: latency on every response, a fraction of API requests answered 502/503,
// forced throttling (always, or a fraction of requests), and bulk operations that run for a while. Which requests fail is drawn from a seeded PRNG, so a run is repeatable.

/** mulberry32: a small, well-mixed 32-bit PRNG. */
function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = 0x5eed;
const NONE = { latencyMs: 0, errorRate: 0, throttle: false, throttleRate: 0, bulkRunningMs: 0 };

export class Faults {
  constructor() {
    this.reset();
  }

  reset() {
    this.settings = { ...NONE };
    this.random = prng(SEED);
  }

  set(settings) {
    this.settings = { ...this.settings, ...settings };
  }

  delay() {
    const { latencyMs } = this.settings;
    return latencyMs > 0 ? new Promise((resolve) => { setTimeout(resolve, latencyMs); }) : Promise.resolve();
  }

  /** Whether to answer this GraphQL request THROTTLED whatever the bucket holds. */
  throttled() {
    const { throttle, throttleRate } = this.settings;
    return throttle || (throttleRate > 0 && this.random() < throttleRate);
  }

  /** The 5xx status to answer this request with, or null to answer it normally. */
  failure() {
    if (this.settings.errorRate <= 0 || this.random() >= this.settings.errorRate) return null;
    return this.random() < 0.5 ? 502 : 503;
  }
}
