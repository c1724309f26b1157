// The Etilize FTP server: ftp-srv serving a local folder in passive mode on loopback, with a user and
// password, download counting, and injected latency or failures on RETR (answered 550, as a server
// with a vanished or locked file would).
import { setTimeout as sleep } from 'node:timers/promises';
import FtpSrv from 'ftp-srv';
import { createRandom } from './catalog/random.js';
import { freePort } from './ports.js';

const { FileSystem } = FtpSrv;

export async function startFtpServer({ root, user, password, host = '127.0.0.1', log = () => {} }) {
  const port = await freePort(host);
  const pasvMin = await freePort(host);
  const faults = { latencyMs: 0, errorRate: 0 };
  const counters = { logins: 0, downloads: 0, errors_injected: 0 };
  const random = createRandom('ftp-faults');

  class SandboxFileSystem extends FileSystem {
    async read(fileName, options) {
      if (faults.latencyMs) await sleep(faults.latencyMs);
      if (faults.errorRate && random.chance(faults.errorRate)) {
        counters.errors_injected++;
        throw new Error('Injected failure: file temporarily unavailable');
      }
      counters.downloads++;
      return super.read(fileName, options);
    }
  }

  const server = new FtpSrv({
    url: `ftp://${host}:${port}`,
    pasv_url: host,
    pasv_min: pasvMin,
    pasv_max: pasvMin + 20,
    anonymous: false,
    greeting: 'Etilize sandbox FTP',
    log: silentLogger(),
  });
  server.on('login', ({ connection, username, password: given }, resolve, reject) => {
    if (username !== user || given !== password) return reject(new Error('Invalid username or password'));
    counters.logins++;
    return resolve({ fs: new SandboxFileSystem(connection, { root, cwd: '/' }) });
  });
  server.on('client-error', ({ error }) => log(`ftp client error: ${error.message}`));
  await server.listen();
  log(`ftp server at ftp://${host}:${port} serving ${root}`);

  return {
    host, port, user, password, root,
    setFaults: (settings) => Object.assign(faults, settings),
    counters: () => ({ ...counters }),
    reset: () => {
      Object.assign(faults, { latencyMs: 0, errorRate: 0 });
      Object.keys(counters).forEach((key) => { counters[key] = 0; });
    },
    stop: () => server.close(),
  };
}

/** ftp-srv logs through bunyan; the sandbox keeps stdout for its ready line, so it logs nothing. */
function silentLogger() {
  const logger = { child: () => logger };
  for (const level of ['trace', 'debug', 'info', 'warn', 'error', 'fatal']) logger[level] = () => {};
  return logger;
}
