// Webhook delivery as Shopify does it: a JSON POST of the REST-shaped resource, signed with
// HMAC-SHA256 of the raw body keyed by the app's client secret (base64), with Shopify's headers;
// X-Shopify-Event-Id is shared by every delivery of one event, X-Shopify-Webhook-Id by the retries
// of one delivery. Non-2xx answers and timeouts are retried with exponential backoff, a bounded
// number of times. On demand each delivery is sent twice (duplicate) and deliveries are held
// briefly and released newest first (reorder), as Shopify may do at any time.
import { createHmac } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

/** Shopify gives a receiver 5 s to answer. */
const TIMEOUT_MS = 5000;
/** How long reorder mode holds deliveries before releasing them newest first. */
const REORDER_WINDOW_MS = 50;
const DEFAULT_DELIVERY = { duplicate: false, reorder: false, retries: 5, firstRetryDelayMs: 100 };

/** A UUID-shaped id from a counter, so ids repeat run to run. */
function sequentialId(prefix, n) {
  return `${prefix}-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

function signature(secret, rawBody) {
  return createHmac('sha256', secret).update(rawBody).digest('base64');
}

export class Webhooks {
  #inFlight = new Set();
  #held = [];
  #holdTimer = null;
  #events = 0;
  #deliveries = 0;
  #abort = new AbortController();

  constructor({ shopDomain, apiVersion, secret, url, counters, log }) {
    Object.assign(this, { shopDomain, apiVersion, secret, url, counters, log });
    this.resetDelivery();
  }

  setDelivery(settings) {
    this.delivery = { ...this.delivery, ...settings };
  }

  resetDelivery() {
    this.delivery = { ...DEFAULT_DELIVERY };
  }

  /** Sends one event to the configured URL and to every subscription of its topic. */
  publish(topic, payload, triggeredAt, subscriptions = []) {
    this.#events += 1;
    const eventId = sequentialId('e0000000', this.#events);
    const destinations = [
      ...(this.url ? [{ url: this.url, includeFields: [], name: null }] : []),
      ...subscriptions.map((subscription) => ({ url: subscription.uri, includeFields: subscription.includeFields, name: subscription.name })),
    ];
    for (const destination of destinations) {
      this.#deliveries += 1;
      const fields = destination.includeFields.length
        ? Object.fromEntries(Object.entries(payload).filter(([key]) => destination.includeFields.includes(key))) : payload;
      const body = JSON.stringify(fields);
      const headers = {
        'Content-Type': 'application/json', 'User-Agent': 'Shopify-Captain-Hook',
        'X-Shopify-Topic': topic, 'X-Shopify-Hmac-Sha256': signature(this.secret, body), 'X-Shopify-Shop-Domain': this.shopDomain,
        'X-Shopify-API-Version': this.apiVersion, 'X-Shopify-Webhook-Id': sequentialId('d0000000', this.#deliveries),
        'X-Shopify-Event-Id': eventId, 'X-Shopify-Triggered-At': triggeredAt,
        ...(destination.name ? { 'X-Shopify-Name': destination.name } : {}),
      };
      const copies = this.delivery.duplicate ? 2 : 1;
      for (let copy = 0; copy < copies; copy += 1) this.#dispatch({ url: destination.url, body, headers });
    }
  }

  /** Resolves once nothing is held or being delivered. */
  async settled() {
    while (this.#inFlight.size || this.#held.length) {
      await Promise.all([...this.#inFlight, new Promise((resolve) => { setTimeout(resolve, REORDER_WINDOW_MS); })]);
    }
  }

  stop() {
    clearTimeout(this.#holdTimer);
    this.#held = [];
    this.#abort.abort();
  }

  #dispatch(message) {
    if (!this.delivery.reorder) {
      this.#track(this.#deliver(message));
      return;
    }
    this.#held.push(message);
    clearTimeout(this.#holdTimer);
    this.#holdTimer = setTimeout(() => {
      const released = this.#held.reverse();
      this.#held = [];
      this.#track(released.reduce((previous, held) => previous.then(() => this.#deliver(held)), Promise.resolve()));
    }, REORDER_WINDOW_MS);
  }

  #track(promise) {
    this.#inFlight.add(promise);
    promise.finally(() => this.#inFlight.delete(promise));
  }

  async #deliver({ url, body, headers }) {
    const { retries, firstRetryDelayMs } = this.delivery;
    const { signal } = this.#abort;
    for (let attempt = 0; attempt <= retries; attempt += 1) {
      if (attempt > 0) {
        await sleep(firstRetryDelayMs * 2 ** (attempt - 1), undefined, { signal }).catch((error) => {
          if (error.name !== 'AbortError') throw error;
        });
      }
      if (signal.aborted) return;
      this.counters.webhooks_sent += 1;
      try {
        const response = await fetch(url, {
          method: 'POST', headers, body, signal: AbortSignal.any([signal, AbortSignal.timeout(TIMEOUT_MS)]),
        });
        await response.arrayBuffer();
        if (response.ok) return;
        this.log(`shopify: webhook ${headers['X-Shopify-Topic']} to ${url} answered ${response.status}`);
      } catch (error) {
        if (signal.aborted) return;
        this.log(`shopify: webhook ${headers['X-Shopify-Topic']} to ${url} failed: ${error.message}`);
      }
      this.counters.webhooks_failed += 1;
    }
  }
}
