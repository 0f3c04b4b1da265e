// electron-builder.yml against electron-builder's own schema and the release requirements (targets, ids, signing,
// fuses), and a real offline Linux `--dir` pack with a stand-in Electron binary. It never downloads or signs anything.

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import Ajv from 'ajv';
import { Arch, build, Platform, type AfterPackContext, type Configuration } from 'electron-builder';
import { load } from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { RESOURCE, resourcesDir } from '../../electron/resources';
import { artefacts } from '../helpers/artefacts';

const ROOT = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
const config = load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Configuration;

/** The schema of the app-builder-lib that electron-builder really loads. */
const SCHEMA_PATH = createRequire(require.resolve('electron-builder')).resolve('app-builder-lib/scheme.json');

/** Validates like electron-builder itself (app-builder-lib's schemaValidator: every error, non-strict schema). */
function schemaErrors(candidate: unknown): string[] {
  const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')));
  return validate(structuredClone(candidate)) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

const RELEASE_FUSES: Record<number, boolean> = {
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/** Every file path in an asar archive, read from its JSON header (a pickled string after 12 bytes of sizes). */
function asarFiles(archive: string): string[] {
  interface Entry {
    files?: Record<string, Entry>;
  }
  const bytes = readFileSync(archive);
  const header = JSON.parse(bytes.subarray(16, 16 + bytes.readUInt32LE(12)).toString('utf8')) as Entry;
  const walk = (entry: Entry, path: string): string[] =>
    entry.files === undefined ? [path] : Object.entries(entry.files).flatMap(([name, child]) => walk(child, `${path}/${name}`));
  return walk(header, '');
}

interface AfterPackHook {
  afterPack(context: Pick<AfterPackContext, 'electronPlatformName' | 'arch'> & { packager: { addElectronFuses(context: unknown, fuses: object): Promise<number> } }): Promise<void>;
}
const hook = require('../../build/after-pack.cjs') as AfterPackHook;

/** The fuse configuration the hook hands electron-builder for one platform and architecture. */
async function fusesFor(electronPlatformName: string, arch: Arch): Promise<Record<string, unknown>> {
  const handed: object[] = [];
  const packager = { addElectronFuses: async (_context: unknown, fuses: object) => handed.push(fuses) };
  await hook.afterPack({ electronPlatformName, arch, packager });
  expect(handed).toHaveLength(1);
  return handed[0] as Record<string, unknown>;
}

describe('electron-builder.yml', () => {
  it('is valid against electron-builder’s schema, which rejects a misspelt key', () => {
    expect(schemaErrors(config)).toEqual([]);
    expect(schemaErrors({ ...config, mac: { ...config.mac, hardenedRuntme: true } })).not.toEqual([]);
  });

  it('has a stable app id, also the Windows AppUserModelID, and writes to release/', () => {
    expect(config.appId).toBe('org.dacawatch.desktop');
    expect(config.win?.appId).toBe(config.appId);
    expect(config.productName).toBe('DACA Watch');
    expect(config.directories?.output).toBe('release');
  });

  it('builds an AppImage and a deb, a hardened and notarized dmg for both Mac architectures, and an NSIS installer', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toEqual([{ target: 'dmg', arch: ['x64', 'arm64'] }]);
    expect(config.mac).toMatchObject({ hardenedRuntime: true, notarize: true });
    expect(config.win?.target).toBe('nsis');
  });

  it('names the installers the same way on every release, as the README and the release notes name them', () => {
    expect(artefacts('0.1.0')).toEqual([
      { os: 'linux', file: 'daca-watch_0.1.0_amd64.deb' },
      { os: 'linux', file: 'DACA-Watch-0.1.0-x86_64.AppImage' },
      { os: 'mac', file: 'DACA-Watch-0.1.0-x64.dmg' },
      { os: 'mac', file: 'DACA-Watch-0.1.0-arm64.dmg' },
      { os: 'win', file: 'DACA-Watch-Setup-0.1.0.exe' },
    ]);
  });

  it('points at the generated icons, the entitlements and the hook, all present in build/', () => {
    const paths = [config.linux?.icon, config.mac?.icon, config.win?.icon, config.mac?.entitlements, config.mac?.entitlementsInherit, config.afterPack];
    for (const path of paths) {
      expect(typeof path).toBe('string');
      expect(statSync(join(ROOT, path as string)).size).toBeGreaterThan(0);
    }
    expect(readdirSync(join(ROOT, 'build/icons'))).toContain('512x512.png');
  });

  it('entitles the hardened runtime to V8’s JIT and nothing more', () => {
    const plist = readFileSync(join(ROOT, config.mac?.entitlements as string), 'utf8');
    expect([...plist.matchAll(/<key>([^<]+)<\/key>\s*<true\/>/g)].map((match) => match[1])).toEqual(['com.apple.security.cs.allow-jit']);
  });

  it('packs only the built app, unpacks node-notifier’s helpers and ships the tray images as resources', () => {
    expect(config.files).toEqual(['dist/**/*', 'package.json']);
    expect(config.asarUnpack).toEqual(['node_modules/node-notifier/vendor/**']);
    expect(config.extraResources).toEqual([{ from: 'build/tray', to: 'tray', filter: ['*.png'] }, { from: 'build/icon.png', to: 'icon.png' }]);
  });

  it('builds a deb, whose install script (electron-builder’s) loads an AppArmor profile for the sandbox on Ubuntu 23.10+', () => {
    expect(config.linux?.target).toContain('deb');
    const afterInstall = readFileSync(join(SCHEMA_PATH, '..', 'templates', 'linux', 'after-install.tpl'), 'utf8');
    expect(afterInstall).toMatch(/apparmor_parser/);
    expect(afterInstall).toMatch(/apparmor-profile/);
  });

  it('gets electron-builder 26’s own AppArmor profile into the deb: FpmTarget copies the template into resources/, nothing overrides it', () => {
    // app-builder-lib/out/targets/FpmTarget.js: build() copies scripts.appArmor (templates/linux/apparmor-profile.tpl
    // unless deb.appArmorProfile names another) to resources/apparmor-profile; after-install.tpl loads it from there.
    const fpmTarget = readFileSync(join(SCHEMA_PATH, '..', 'out', 'targets', 'FpmTarget.js'), 'utf8');
    expect(fpmTarget).toMatch(/copyFile\)\(scripts\.appArmor, path\.join\(resourceDir, "apparmor-profile"\)\)/);
    expect(fpmTarget).toContain('getResource(this.options.appArmorProfile, "apparmor-profile.tpl")');
    expect(config.deb).not.toHaveProperty('appArmorProfile');
    expect(config.linux).not.toHaveProperty('appArmorProfile');
    const profile = readFileSync(join(SCHEMA_PATH, '..', 'templates', 'linux', 'apparmor-profile.tpl'), 'utf8');
    expect(profile).toContain('"/opt/${sanitizedProductName}/${executable}" flags=(unconfined)');
    expect(profile).toMatch(/^\s*userns,$/m);
    expect(readFileSync(join(SCHEMA_PATH, '..', 'templates', 'linux', 'after-install.tpl'), 'utf8')).toContain("APPARMOR_PROFILE_SOURCE='/opt/${sanitizedProductName}/resources/apparmor-profile'");
  });

  it('ships every resource the shell loads, under the name it loads it by, from a file that exists in development', () => {
    const shipped = new Map((config.extraResources as Array<{ from: string; to: string }>).map((entry) => [entry.to, entry.from]));
    const dev = resourcesDir({ isPackaged: false, resourcesPath: '/nowhere', mainDir: join(ROOT, 'dist', 'main') });
    for (const name of Object.values(RESOURCE)) {
      expect(shipped.get(name), name).toBeDefined();
      expect(join(ROOT, shipped.get(name)!)).toBe(join(dev, name));
      expect(statSync(join(dev, name)).size, name).toBeGreaterThan(0);
    }
    expect(resourcesDir({ isPackaged: true, resourcesPath: '/opt/DACA Watch/resources', mainDir: '/x' })).toBe('/opt/DACA Watch/resources');
  });
});

describe('build/after-pack.cjs', () => {
  it('flips the release fuses in every packed app', async () => {
    for (const [platform, arch] of [['linux', Arch.x64], ['win32', Arch.x64], ['darwin', Arch.x64], ['darwin', Arch.arm64]] as const) {
      const fuses = await fusesFor(platform, arch);
      expect(fuses).toMatchObject({ version: '1', ...RELEASE_FUSES });
      expect(Object.keys(fuses).filter((key) => /^\d+$/.test(key))).toHaveLength(Object.keys(RELEASE_FUSES).length);
    }
  });

  it('re-signs every macOS app ad hoc, both architectures (a broken signature: no start on Apple silicon, "damaged" on Intel), and nothing else', async () => {
    expect((await fusesFor('darwin', Arch.arm64)).resetAdHocDarwinSignature).toBe(true);
    expect((await fusesFor('darwin', Arch.x64)).resetAdHocDarwinSignature).toBe(true);
    expect((await fusesFor('linux', Arch.arm64)).resetAdHocDarwinSignature).toBe(false);
    expect((await fusesFor('linux', Arch.x64)).resetAdHocDarwinSignature).toBe(false);
    expect((await fusesFor('win32', Arch.x64)).resetAdHocDarwinSignature).toBe(false);
  });
});

describe('an offline Linux pack (`--dir`, stand-in Electron)', () => {
  const work = mkdtempSync(join(tmpdir(), 'daca-watch-pack-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  /** A stand-in for Electron's Linux binary: a fuse wire of 9 fuses, each at Electron's shipped default. */
  function standInElectron(): string {
    const dist = join(work, 'electron');
    mkdirSync(dist);
    const sentinel = Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX', 'latin1');
    writeFileSync(join(dist, 'electron'), Buffer.concat([Buffer.from('stand-in electron\0'), sentinel, Buffer.from([1, 9]), Buffer.from('101100011')]), { mode: 0o755 });
    writeFileSync(join(dist, 'LICENSE'), 'stand-in');
    mkdirSync(join(dist, 'resources'));
    return dist;
  }

  it('puts the tray images and the notification icon in resources/, node-notifier’s helpers outside the asar, and flips the fuses', async () => {
    const app = join(work, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'main.js'), '// stand-in main process\n');
    const output = join(work, 'release');
    await build({
      projectDir: ROOT,
      targets: Platform.LINUX.createTarget('dir', Arch.x64),
      config: {
        electronDist: standInElectron(),
        electronVersion: '45.0.0',
        npmRebuild: false,
        directories: { output },
        files: [{ from: app, to: 'dist' }],
        extraMetadata: { main: 'dist/main.js' },
      },
    });
    const unpacked = join(output, 'linux-unpacked');
    const resources = join(unpacked, 'resources');
    expect(readdirSync(join(resources, RESOURCE.trayImages)).sort()).toEqual(readdirSync(join(ROOT, 'build/tray')).sort());
    expect(statSync(join(resources, RESOURCE.notificationIcon)).size).toBe(statSync(join(ROOT, 'build/icon.png')).size);
    expect(readdirSync(join(resources, 'app.asar.unpacked/node_modules/node-notifier/vendor'))).toContain('snoreToast');
    const inAsar = asarFiles(join(resources, 'app.asar'));
    expect(inAsar).toContain('/dist/main.js');
    expect(inAsar.filter((path) => !/^\/(dist\/|node_modules\/|package\.json$)/.test(path))).toEqual([]);
    const wire = await getCurrentFuseWire(join(unpacked, config.linux?.executableName as string));
    for (const [fuse, on] of Object.entries(RELEASE_FUSES)) expect(wire[Number(fuse) as FuseV1Options], FuseV1Options[Number(fuse)]).toBe(on ? 49 : 48);
    expect([wire[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot], (wire as Record<number, number>)[8]]).toEqual([48, 49]);
  }, 60_000);
});
