// Admin API credentials: the app's permanent access token (like a custom app's shpat_ token) and
// tokens from the client-credentials grant, which expire (Shopify: about 24 h, `expires_in` 86399).
import { createHash } from 'node:crypto';

/** What the grant's token may do: the sync's reads and writes. */
const SCOPE = 'read_products,write_products,read_inventory,write_inventory,read_locations,read_publications,write_publications';

export function deterministicToken(seed) {
  return `shpat_${createHash('sha256').update(seed).digest('hex').slice(0, 32)}`;
}

export class AccessTokens {
  #expiryByToken = new Map();
  #issued = 0;

  constructor({ accessToken, clientId, clientSecret, lifetimeSeconds }) {
    Object.assign(this, { accessToken, clientId, clientSecret, lifetimeSeconds });
  }

  isValid(token) {
    return token === this.accessToken || (this.#expiryByToken.get(token) ?? 0) > Date.now();
  }

  get issued() {
    return this.#issued;
  }

  /** POST /admin/oauth/access_token with client_id, client_secret, grant_type → { status, body }. */
  grant({ client_id: clientId, client_secret: clientSecret, grant_type: grantType }) {
    if (grantType !== 'client_credentials') {
      return { status: 400, body: { error: 'unsupported_grant_type', error_description: 'The grant type is not supported.' } };
    }
    if (clientId !== this.clientId || clientSecret !== this.clientSecret) {
      return { status: 400, body: { error: 'invalid_client', error_description: 'Client authentication failed.' } };
    }
    this.#issued += 1;
    const token = deterministicToken(`${this.clientSecret}:${this.#issued}`);
    this.#expiryByToken.set(token, Date.now() + this.lifetimeSeconds * 1000);
    return { status: 200, body: { access_token: token, scope: SCOPE, expires_in: this.lifetimeSeconds } };
  }
}
