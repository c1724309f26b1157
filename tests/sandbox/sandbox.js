// The whole sandbox in-process: Azurite, the Etilize FTP server with the generated drop, the Shopify and
// Xorosoft simulators seeded from the same catalog, and the control API.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAzurite } from './azurite.js';
import { generateCatalog } from './catalog/generate.js';
import { etilizeZip, etilizeZipName } from './catalog/etilize-zip.js';
import { shopifyProducts, truthOf, xorosoftItems } from './catalog/views.js';
import { startControlApi } from './control.js';
import { startFtpServer } from './ftp.js';
import { startShopifySimulator } from './shopify/index.js';
import { startXorosoftSimulator } from './xorosoft/server.js';

export const ETILIZE_DIRECTORY = '/etilize';

export async function startSandbox({ products = 500, seed = 1, layout = 'flat', data = null, log = () => {} } = {}) {
  if (!['flat', 'enhanced'].includes(layout)) throw new RangeError(`layout must be flat or enhanced, not ${layout}`);
  const catalog = generateCatalog({ products, seed });
  const root = await mkdtemp(join(tmpdir(), 'cowans-sandbox-ftp-'));
  await mkdir(join(root, ETILIZE_DIRECTORY), { recursive: true });
  let latestDay = 0;
  let truth = truthOf(catalog, layout);

  const writeDrop = async (dropCatalog) => {
    const name = etilizeZipName(dropCatalog);
    await writeFile(join(root, ETILIZE_DIRECTORY, name), etilizeZip(dropCatalog, layout));
    return name;
  };
  await writeDrop(catalog);
  if (data) {
    await mkdir(data, { recursive: true });
    await writeFile(join(data, 'truth.json'), JSON.stringify(truth, null, 2));
  }

  const started = [];
  const track = (service) => { started.push(service); return service; };
  try {
    const azurite = track(await startAzurite({ log }));
    const ftp = track(await startFtpServer({ root, user: 'etilize', password: 'sandbox-ftp-password', log }));
    const shopify = track(await startShopifySimulator({ products: shopifyProducts(catalog), accessToken: 'shpat_sandbox', log }));
    const xorosoft = track(await startXorosoftSimulator({ apiKey: 'sandbox-key', apiSecret: 'sandbox-secret', items: xorosoftItems(catalog), log }));
    const systems = { shopify, xorosoft, ftp };
    const sandbox = {
      shopify,
      xorosoft,
      latestDay: () => latestDay,
      truth: () => truth,
      addEtilizeDrop: async (day) => {
        if (!Number.isInteger(day) || day < 1) throw new RangeError('day must be a whole number ≥ 1');
        const dropCatalog = generateCatalog({ products, seed, day });
        xorosoft.addItems(xorosoftItems(dropCatalog).filter((item) => item.addedOnDay));
        latestDay = Math.max(latestDay, day);
        truth = truthOf(dropCatalog, layout);
        return { file: await writeDrop(dropCatalog), day, products: dropCatalog.items.length };
      },
      setFaults: (system, settings) => { systems[system].setFaults(settings); return { system, ...settings }; },
      counters: () => ({ shopify: shopify.counters(), xorosoft: xorosoft.counters(), ftp: ftp.counters() }),
      reset: () => {
        shopify.reset(shopifyProducts(catalog));
        xorosoft.reset(xorosoftItems(catalog));
        ftp.reset();
        return { ok: true };
      },
    };
    const control = track(await startControlApi({ sandbox }));

    return {
      ready: true,
      storage: { connection_string: azurite.connectionString },
      ftp: { host: ftp.host, port: ftp.port, user: ftp.user, password: ftp.password, directory: ETILIZE_DIRECTORY, root },
      shopify: {
        admin_base_url: shopify.adminBaseUrl, shop_domain: shopify.shopDomain, api_version: shopify.apiVersion,
        access_token: shopify.accessToken, client_secret: shopify.clientSecret,
      },
      xorosoft: { base_url: xorosoft.baseUrl, api_key: xorosoft.apiKey, api_secret: xorosoft.apiSecret },
      control_url: control.url,
      stop: () => stopAll(started, root),
    };
  } catch (error) {
    await stopAll(started, root);
    throw error;
  }
}

async function stopAll(services, root) {
  await Promise.allSettled(services.reverse().map((service) => service.stop()));
  await rm(root, { recursive: true, force: true });
}
