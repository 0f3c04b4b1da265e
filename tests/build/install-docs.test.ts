// The README's Install section and the release notes template (.github/release-notes.md) against the installers a
// release really holds (named by electron-builder.yml) and against each other: the same files, the same first-open
// steps on a Mac, the deb first on Ubuntu, and never --no-sandbox.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { artefacts } from '../helpers/artefacts';

const ROOT = join(import.meta.dirname, '..', '..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const install = /^## Install\n([\s\S]*?)^## /m.exec(readme)?.[1] ?? '';
const template = readFileSync(join(ROOT, '.github', 'release-notes.md'), 'utf8');
const VERSION = '1.2.3';

/** The installer file names a text mentions, with its version placeholder filled in. */
function namedFiles(text: string, placeholder: string): string[] {
  const filled = text.split(placeholder).join(VERSION);
  return [...new Set([...filled.matchAll(/(?:daca-watch|DACA-Watch)[\w.-]*?\.(?:deb|AppImage|dmg|exe)\b/g)].map((match) => match[0]))].sort();
}

describe('the README’s Install section and the release notes', () => {
  const released = artefacts(VERSION)
    .map((artefact) => artefact.file)
    .sort();

  it('the Install section comes before the developer set-up', () => {
    expect(install.length).toBeGreaterThan(500);
    expect(readme.indexOf('## Install\n')).toBeLessThan(readme.indexOf('## Set up, run the demo, run the tests'));
  });

  it('both name exactly the files a release holds (the deb, the AppImage, both dmgs, the NSIS installer)', () => {
    expect(namedFiles(install, '<version>')).toEqual(released);
    expect(namedFiles(template, '{{version}}')).toEqual(released);
  });

  it('both recommend the deb on Ubuntu for its AppArmor profile and say what to do with the AppImage there', () => {
    for (const text of [install, template]) {
      expect(text).toMatch(/Ubuntu, Debian, Linux Mint \(recommended on Linux\)/);
      expect(text).toMatch(/AppArmor profile/);
      expect(text).toMatch(/Ubuntu 23\.10[\s\S]*chrome-sandbox/);
    }
    expect(install).toContain('sudo apparmor_parser -r /etc/apparmor.d/daca-watch-appimage');
    expect(install).toMatch(/'  userns,'/);
  });

  it('both give the same first-open steps for an unsigned Mac app', () => {
    for (const text of [install, template]) {
      expect(text).toMatch(/right-click \(or Control-click\) DACA Watch/);
      expect(text).toMatch(/System Settings →\s+Privacy & Security/);
      expect(text).toContain('Open Anyway');
      expect(text).toContain('xattr -dr com.apple.quarantine "/Applications/DACA Watch.app"');
    }
  });

  it('never propose --no-sandbox: each mention says not to', () => {
    for (const text of [install, template]) {
      const mentions = text.split('\n').filter((line) => line.includes('--no-sandbox'));
      expect(mentions.length).toBeGreaterThan(0);
      for (const line of mentions) expect(line).toMatch(/Never|Nunca/);
    }
  });

  it('the release notes say it in Spanish too, with the same commands', () => {
    expect(template).toContain('## Instalación');
    const spanish = template.slice(template.indexOf('## Instalación'));
    expect(spanish).toContain('xattr -dr com.apple.quarantine "/Applications/DACA Watch.app"');
    expect(spanish).toContain('sudo apt install ./daca-watch_{{version}}_amd64.deb');
    expect(spanish).toContain('Privacidad y seguridad');
  });
});
