import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startFtpServer } from '../ftp.js';

/** Just enough of an FTP client (RFC 959, passive mode) to log in, list and download. */
async function ftpSession(port) {
  const control = connect(port, '127.0.0.1');
  control.setEncoding('utf8');
  let buffered = '';
  const waiting = [];
  control.on('data', (chunk) => {
    buffered += chunk;
    let match;
    while ((match = buffered.match(/^(\d{3}) [^\r\n]*\r\n/m))) {
      const end = buffered.indexOf(match[0]) + match[0].length;
      const reply = buffered.slice(0, end);
      buffered = buffered.slice(end);
      waiting.shift()?.(reply);
    }
  });
  const reply = () => new Promise((resolve) => waiting.push(resolve));
  const send = (command) => { const answer = reply(); control.write(`${command}\r\n`); return answer; };
  const transfer = async (command) => {
    const pasv = await send('PASV');
    const [, , , , high, low] = pasv.match(/\((\d+),(\d+),(\d+),(\d+),(\d+),(\d+)\)/).slice(1).map(Number);
    const data = connect(high * 256 + low, '127.0.0.1');
    await once(data, 'connect');
    const chunks = [];
    data.on('data', (chunk) => chunks.push(chunk));
    const preliminary = await send(command);
    if (!preliminary.startsWith('150') && !preliminary.startsWith('125')) { data.destroy(); return { reply: preliminary }; }
    await once(data, 'end');
    return { reply: await reply(), data: Buffer.concat(chunks) };
  };
  await reply();
  return { send, transfer, close: () => control.destroy() };
}

describe('Etilize FTP server', () => {
  let ftp;
  let root;
  const content = Buffer.from('PK\u0003\u0004 pretend zip é');

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'ftp-test-'));
    await writeFile(join(root, 'cowans_etilize_20261101.zip'), content);
    ftp = await startFtpServer({ root, user: 'etilize', password: 'pw' });
  });
  after(async () => { await ftp.stop(); await rm(root, { recursive: true, force: true }); });

  it('refuses a wrong password', async () => {
    const session = await ftpSession(ftp.port);
    await session.send('USER etilize');
    assert.match(await session.send('PASS wrong'), /^530/);
    session.close();
  });

  it('lists and serves the file in passive mode, counting the download', async () => {
    const session = await ftpSession(ftp.port);
    await session.send('USER etilize');
    assert.match(await session.send('PASS pw'), /^230/);
    await session.send('TYPE I');
    const listing = await session.transfer('NLST');
    const download = await session.transfer('RETR cowans_etilize_20261101.zip');
    session.close();

    assert.match(listing.data.toString(), /cowans_etilize_20261101\.zip/);
    assert.match(download.reply, /^226/);
    assert.ok(download.data.equals(content));
    assert.equal(ftp.counters().downloads, 1);
  });

  it('fails a download with 550 when failures are injected', async () => {
    ftp.setFaults({ errorRate: 1 });
    const session = await ftpSession(ftp.port);
    await session.send('USER etilize');
    await session.send('PASS pw');
    const download = await session.transfer('RETR cowans_etilize_20261101.zip');
    session.close();
    ftp.reset();

    assert.match(download.reply, /^5\d\d/);
  });
});
