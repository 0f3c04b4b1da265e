// The reliability suite's second table: commands that keep what they are not about, and the guards around the
// store and the app's doors. The terminal runner and the preview run as child processes, as a user runs them; each
// row says what was there before, what is there after, and what the user was told.

import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStateStore } from '../../engine/store/file-state-store';
import { startPreview, type PreviewProcess } from '../../scripts/preview-process';
import { EXTERNAL_HOSTS, isSafeExternalUrl } from '../../shared/security/navigation';
import type { AppState } from '../../shared/monitor/state';
import { bundledScript } from '../helpers/bundled-script';
import { NOW, watchedState } from '../helpers/stored-state';
import { faultTable, type FaultRow } from '../helpers/fault-table';

const rows: FaultRow[] = [];

const RUNNER = await bundledScript('scripts/headless.ts');
const ENV = { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '', TZ: 'UTC' };

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'daca-watch-guards-'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  console.log(faultTable('Reliability suite, commands and guards (before/after: what the row counts, named in it)', rows));
});

let folders = 0;
const folder = () => join(root, `store-${(folders += 1)}`);

/** The runner to its end; `umask000` runs it under umask 000 (through sh, POSIX only). */
function runner(args: string[], options: { umask000?: boolean } = {}) {
  const [command, argv] = options.umask000 ? ['sh', ['-c', 'umask 000 && exec "$0" "$@"', process.execPath, ...RUNNER, ...args]] : [process.execPath, [...RUNNER, ...args]];
  const child = spawn(command as string, argv as string[], { stdio: ['ignore', 'pipe', 'pipe'], env: ENV });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise<{ stdout: string; stderr: string; status: number | null }>((resolve) => child.on('close', (status) => resolve({ stdout, stderr, status })));
}

/** A store that watched a pair for weeks, saved twice so its backup holds it too. */
function watchedStore(): string {
  const dir = folder();
  const store = openStateStore({ dir, now: () => NOW });
  store.write(watchedState(39));
  store.write(watchedState(40));
  return dir;
}
const casesIn = (path: string) => (JSON.parse(readFileSync(path, 'utf8')) as AppState).cases.map((c) => c.receipt);
const settingsIn = (path: string) => (JSON.parse(readFileSync(path, 'utf8')) as AppState).settings;

describe('commands keep what they are not about', () => {
  it('--permit-expiry alone keeps the stored cases, in the file and in its backup; only --receipts none unwatches', async () => {
    const dir = watchedStore();
    const before = casesIn(join(dir, 'config.json'));
    expect(before).toHaveLength(2);

    const run = await runner(['--permit-expiry', '2027-08-11', '--once', '--store', dir, '--lang', 'en']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Renewal calendar');
    expect(casesIn(join(dir, 'config.json'))).toEqual(before);
    expect(casesIn(join(dir, 'config.backup.json'))).toEqual(before);
    expect(settingsIn(join(dir, 'config.json')).permitExpiry).toBe('2027-08-11');
    // The other settings stay as they were.
    expect(settingsIn(join(dir, 'config.json')).maskReceipts).toBe(true);
    rows.push({ fault: '--permit-expiry alone (cases in file+backup)', before: before.length * 2, after: casesIn(join(dir, 'config.json')).length + casesIn(join(dir, 'config.backup.json')).length, told: 'the renewal calendar; the watched cases untouched' });

    // An empty list by mistake (an unset shell variable) is refused, not taken for "none".
    const empty = await runner(['--receipts', '', '--permit-expiry', '2027-08-11', '--once', '--store', dir, '--lang', 'en']);
    expect(empty.status).toBe(2);
    expect(casesIn(join(dir, 'config.json'))).toEqual(before);

    const none = await runner(['--receipts', 'none', '--permit-expiry', '2027-08-11', '--once', '--store', dir, '--lang', 'en']);
    expect(none.status, none.stderr).toBe(0);
    expect(casesIn(join(dir, 'config.json'))).toEqual([]);
  }, 30_000);

  it('--help says so', async () => {
    const help = await runner(['--help']);
    expect(help.stdout).toContain('A run without --receipts keeps the cases');
    expect(help.stdout).toContain('--receipts none stops watching them all');
  });
});

describe('the plain runner tells what the store recovered from, in its language', () => {
  for (const lang of ['en', 'es'] as const) {
    it(`a damaged store file: the recovery is told in plain ${lang === 'en' ? 'English' : 'Spanish'}, as --json tells it`, async () => {
      const dir = watchedStore();
      const text = readFileSync(join(dir, 'config.json'), 'utf8');
      writeFileSync(join(dir, 'config.json'), text.slice(0, Math.floor(text.length * 0.6)));
      const run = await runner(['--permit-expiry', '2027-08-11', '--once', '--store', dir, '--lang', lang]);
      expect(run.status, run.stderr).toBe(0);
      const told = run.stdout.split('\n').filter((line) => line.startsWith(lang === 'en' ? 'Problem: Stored data: ' : 'Problema: Datos guardados: '));
      expect(told.length, run.stdout).toBeGreaterThan(0);
      // The JSON run's message for the same damage, in the same words.
      const again = watchedStore();
      writeFileSync(join(again, 'config.json'), text.slice(0, Math.floor(text.length * 0.6)));
      const json = await runner(['--permit-expiry', '2027-08-11', '--once', '--store', again, '--json']);
      const errors = json.stdout
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { kind: string; text?: Record<string, string> })
        .filter((event) => event.kind === 'error');
      // The same words, but for the time in the name of the copy kept aside.
      const untimed = (line: string | undefined) => line?.replace(/corrupt-[\dT:.Z-]+\.json/g, 'corrupt-….json');
      expect(told.map((line) => untimed(line.replace(/^Problema?: /, '')))).toEqual(errors.map((event) => untimed(event.text?.[lang])));
      expect(casesIn(join(dir, 'config.json'))).toHaveLength(2);
      rows.push({ fault: `damaged store, plain runner (${lang})`, before: errors.length, after: told.length, told: told[0]!.slice(0, 140) });
    }, 30_000);
  }
});

describe('a store folder that cannot be read', () => {
  it.each([
    ['en', 'could not be read (ENOTDIR). Nothing was changed'],
    ['es', 'No se pudieron leer los datos guardados'],
  ] as const)('--lang %s: said in a sentence, no stack trace, exit 1', async (lang, words) => {
    const notAFolder = join(root, `not-a-folder-${lang}`);
    writeFileSync(notAFolder, 'a file where the store folder should be');
    const run = await runner(['--permit-expiry', '2027-08-11', '--once', '--store', join(notAFolder, 'store'), '--lang', lang]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(words);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    if (lang === 'en') rows.push({ fault: 'store folder unreadable (ENOTDIR)', before: 0, after: 0, told: run.stderr.trim().replace(/\s+/g, ' ').slice(0, 140) });
  });
});

describe('impossible dates', () => {
  it.each([
    ['en', '2027-02-30', 'is not a day on the calendar'],
    ['es', '2027-02-30', 'no es un día del calendario'],
    ['en', '1900-01-01', 'outside the years'],
    ['es', '3000-01-01', 'fuera de los años'],
  ] as const)('--permit-expiry %s %s: refused with a clear sentence, the store untouched', async (lang, day, words) => {
    const dir = watchedStore();
    const before = readFileSync(join(dir, 'config.json'), 'utf8');
    const run = await runner(['--permit-expiry', day, '--once', '--store', dir, '--lang', lang]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(words);
    expect(readFileSync(join(dir, 'config.json'), 'utf8')).toBe(before);
    if (lang === 'en' && day === '2027-02-30') rows.push({ fault: `impossible date --permit-expiry ${day}`, before: 2, after: casesIn(join(dir, 'config.json')).length, told: run.stderr.trim().replace(/\s+/g, ' ').slice(0, 140) });
  });
});

describe.runIf(process.platform !== 'win32')('folder modes under umask 000', () => {
  it('the runner creates the store folder 0700 and its files 0600', async () => {
    const dir = join(folder(), 'nested', 'store');
    const run = await runner(['--permit-expiry', '2027-08-11', '--once', '--store', dir, '--lang', 'en'], { umask000: true });
    expect(run.status, run.stderr).toBe(0);
    const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);
    const modes = [mode(join(dir, '..')), mode(dir), mode(join(dir, 'config.json')), mode(join(dir, 'config.backup.json'))];
    expect(modes).toEqual(['700', '700', '600', '600']);
    rows.push({ fault: 'umask 000: store folders and files', before: 4, after: modes.filter((m, i) => m === (i < 2 ? '700' : '600')).length, told: `nothing to tell: folders ${modes[0]}/${modes[1]}, files ${modes[2]}/${modes[3]}` });
  }, 30_000);
});

describe('external URLs', () => {
  it('only the hosts the app needs leave for the browser', () => {
    const foreign = [
      'https://example.org/',
      'https://evil.example/phish',
      'https://www.uscis.gov.evil.example/',
      'https://my.uscis.gov.evil.example/',
      'https://evil.my.uscis.gov/',
      'https://xuscis.gov/',
      'https://www.uscis.gov:8443/',
      'https://user@www.uscis.gov/',
      'http://www.uscis.gov/',
      'https://www.google.com/',
      'https://a.token.awswaf.com/',
      'javascript:alert(1)',
      'file:///etc/passwd',
    ];
    const ours = [...EXTERNAL_HOSTS].map((host) => `https://${host}/`);
    expect(ours.every(isSafeExternalUrl)).toBe(true);
    const refused = foreign.filter((url) => !isSafeExternalUrl(url));
    expect(refused).toEqual(foreign);
    rows.push({ fault: 'external URLs (foreign ones refused)', before: foreign.length, after: refused.length, told: `refused; allowed: ${[...EXTERNAL_HOSTS].join(', ')}` });
  });
});

describe('a foreign Host header at the preview', () => {
  let preview: PreviewProcess;
  let port: number;
  beforeAll(async () => {
    const renderer = join(root, 'renderer');
    mkdirSync(renderer, { recursive: true });
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>DACA Watch</title><div id="app"></div>');
    preview = await startPreview(['--renderer', renderer, '--no-sign-in']);
    port = Number(new URL(preview.info.url).port);
  }, 40_000);
  afterAll(() => preview?.stop());

  /** One GET (or WebSocket upgrade) to the preview with this Host header. */
  const get = (host: string, path: string, upgrade = false) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const headers: Record<string, string> = { host };
      if (upgrade) Object.assign(headers, { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==' });
      const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('upgrade', (res, socket) => {
        socket.destroy();
        resolve({ status: res.statusCode ?? 101, body: '' });
      });
      req.on('error', reject);
      req.end();
    });

  it('refuses a forged Host with 421 and a short text, even with the token; its own address still answers', async () => {
    const token = preview.info.token;
    const forged = [`evil.example:${port}`, `attacker.test`, `127.0.0.1.nip.io:${port}`, `127.0.0.1:${port + 1}`, `localhost.evil.example:${port}`];
    const answers = await Promise.all(forged.map((host) => get(host, `/?token=${token}`)));
    for (const answer of answers) {
      expect(answer.status).toBe(421);
      expect(answer.body).toContain('DACA Watch preview');
      expect(answer.body).not.toContain(token);
    }
    const socket = await get(`evil.example:${port}`, `/api?token=${token}`, true);
    expect(socket.status).toBe(421);
    expect((await get(`127.0.0.1:${port}`, `/?token=${token}`)).status).toBe(200);
    expect((await get(`127.0.0.1:${port}`, `/api?token=${token}`, true)).status).toBe(101);
    rows.push({ fault: 'preview: foreign Host header (DNS rebinding)', before: forged.length + 1, after: answers.filter((a) => a.status === 421).length + (socket.status === 421 ? 1 : 0), told: `421 "${answers[0]!.body.trim().slice(0, 100)}"` });
  }, 20_000);
});
