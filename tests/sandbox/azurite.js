// Azurite (the pinned npm package) in memory on free loopback ports, as a child process that dies with us.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort, waitForPort } from './ports.js';

const AZURITE = fileURLToPath(new URL('../../node_modules/azurite/dist/src/azurite.js', import.meta.url));
const ACCOUNT = 'devstoreaccount1';
// Azurite's published development key; not a secret.
const KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export async function startAzurite({ host = '127.0.0.1', log = () => {} } = {}) {
  const [blobPort, queuePort, tablePort] = [await freePort(host), await freePort(host), await freePort(host)];
  const child = spawn(process.execPath, [
    AZURITE, '--inMemoryPersistence', '--silent', '--disableTelemetry',
    '--blobHost', host, '--blobPort', blobPort, '--queueHost', host, '--queuePort', queuePort, '--tableHost', host, '--tablePort', tablePort,
  ].map(String), { stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr.on('data', (chunk) => log(`azurite: ${chunk}`.trimEnd()));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await Promise.race([
    Promise.all([blobPort, queuePort, tablePort].map((port) => waitForPort(port, { host }))),
    exited.then((code) => { throw new Error(`Azurite exited with code ${code} before listening; run 'npm ci'.`); }),
  ]);
  const endpoint = (port) => `http://${host}:${port}/${ACCOUNT}`;
  return {
    connectionString: `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${KEY};`
      + `BlobEndpoint=${endpoint(blobPort)};QueueEndpoint=${endpoint(queuePort)};TableEndpoint=${endpoint(tablePort)};`,
    stop: async () => {
      if (child.exitCode === null) child.kill();
      await exited;
    },
  };
}
