// Shopify's leaky bucket for GraphQL cost: `size` points that refill continuously at
// `restoreRate` points per second (Standard plan: 2,000 and 100). A request is admitted on its
// requested cost, charged that up front, and refunded the difference once its actual cost is
// known, so the bucket ends up charged the actual cost.
import { performance } from 'node:perf_hooks';

export class LeakyBucket {
  #available;
  #refilledAt;

  constructor({ size, restoreRate }) {
    this.size = size;
    this.restoreRate = restoreRate;
    this.fill();
  }

  fill() {
    this.#available = this.size;
    this.#refilledAt = performance.now();
  }

  #refill() {
    const now = performance.now();
    this.#available = Math.min(this.size, this.#available + ((now - this.#refilledAt) / 1000) * this.restoreRate);
    this.#refilledAt = now;
  }

  /** Charges `cost` if the bucket holds that much, and says whether it did. */
  tryTake(cost) {
    this.#refill();
    if (cost > this.#available) return false;
    this.#available -= cost;
    return true;
  }

  refund(points) {
    this.#refill();
    this.#available = Math.min(this.size, this.#available + points);
  }

  /** Changes the plan's limits; the points held are kept, capped at the new size. */
  configure({ size = this.size, restoreRate = this.restoreRate }) {
    this.#refill();
    Object.assign(this, { size, restoreRate });
    this.#available = Math.min(this.#available, size);
  }

  /** extensions.cost.throttleStatus as Shopify reports it. */
  status() {
    this.#refill();
    return { maximumAvailable: this.size, currentlyAvailable: Math.floor(this.#available), restoreRate: this.restoreRate };
  }
}
