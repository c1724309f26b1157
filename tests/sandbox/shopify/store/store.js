// The in-memory shop: every record is a plain object shaped like the GraphQL type it stands for
// (field names match the schema, `__typename` picks the concrete type behind an interface), kept
// per type in creation order and addressed by its GID. Relations are held as GIDs.
import { EventEmitter } from 'node:events';
import { gid, parseGid } from '../ids.js';

/** GIDs count up from here, per type, so the first product is gid://shopify/Product/1001. */
const FIRST_NUMBER = 1001;

export class Store extends EventEmitter {
  #recordsByType = new Map();
  #lastNumberByType = new Map();
  // Per type, the records that name an owner (metafields), by owner GID: a product's metafields without a scan of all.
  #ownedByType = new Map();

  constructor({ clock, shopDomain, shopName }) {
    super();
    this.clock = clock;
    this.shopDomain = shopDomain;
    this.shopName = shopName;
    this.clear();
  }

  /** Forgets every record and recreates the shop and its single location. */
  clear() {
    this.#recordsByType.clear();
    this.#lastNumberByType.clear();
    this.#ownedByType.clear();
    this.clock.reset();
    const now = this.clock.now();
    this.shop = this.add('Shop', {
      name: this.shopName, myshopifyDomain: this.shopDomain, email: `owner@${this.shopDomain}`,
      contactEmail: `owner@${this.shopDomain}`, currencyCode: 'USD', ianaTimezone: 'Etc/UTC',
      timezoneAbbreviation: 'UTC', weightUnit: 'POUNDS', url: `https://${this.shopDomain}`,
      plan: { publicDisplayName: 'Basic', partnerDevelopment: false, shopifyPlus: false },
      createdAt: now, updatedAt: now,
    });
    this.location = this.add('Location', {
      name: 'Warehouse', isActive: true, isPrimary: true, fulfillsOnlineOrders: true, shipsInventory: true,
      hasActiveInventory: true, address: { address1: '1 Depot Road', city: 'Springfield', countryCode: 'US', formatted: [] },
      createdAt: now, updatedAt: now,
    });
  }

  /** Registers a new record of `type`; `idSuffix` is appended to its GID (InventoryLevel uses one). */
  add(type, fields, idSuffix = '') {
    const number = (this.#lastNumberByType.get(type) ?? FIRST_NUMBER - 1) + 1;
    this.#lastNumberByType.set(type, number);
    const record = { __typename: type, id: gid(type, number, idSuffix), legacyResourceId: String(number), ...fields };
    this.#records(type).set(record.id, record);
    if (record.ownerId) this.#owned(type, record.ownerId).set(record.id, record);
    return record;
  }

  remove(record) {
    this.#records(record.__typename).delete(record.id);
    if (record.ownerId) this.#owned(record.__typename, record.ownerId).delete(record.id);
  }

  /** The records of `type` whose `ownerId` is `ownerId` (set when added), oldest first. */
  owned(type, ownerId) {
    return [...this.#owned(type, ownerId).values()];
  }

  /** The record a GID names, or null. */
  node(id) {
    const type = parseGid(id)?.type;
    return (type && this.#recordsByType.get(type)?.get(id)) ?? null;
  }

  /** The record a GID names if it is of `type`, else null (e.g. product(id:) given a variant GID). */
  nodeOfType(type, id) {
    const record = this.node(id);
    return record?.__typename === type ? record : null;
  }

  /** Every record of `type`, oldest first. */
  all(type) {
    return [...this.#records(type).values()];
  }

  /** Announces a change Shopify would publish as a webhook (topic as in REST, e.g. products/update). */
  changed(topic, record) {
    this.emit('change', topic, record);
  }

  #owned(type, ownerId) {
    if (!this.#ownedByType.has(type)) this.#ownedByType.set(type, new Map());
    const byOwner = this.#ownedByType.get(type);
    if (!byOwner.has(ownerId)) byOwner.set(ownerId, new Map());
    return byOwner.get(ownerId);
  }

  #records(type) {
    if (!this.#recordsByType.has(type)) this.#recordsByType.set(type, new Map());
    return this.#recordsByType.get(type);
  }
}
