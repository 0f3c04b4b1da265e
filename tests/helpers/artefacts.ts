// The installers' file names as electron-builder names them from electron-builder.yml, computed with its own macro
// expander and architecture names (app-builder-lib's util/macroExpander.js, builder-util's getArtifactArchName), so
// the packaging, workflow and install-docs tests compare against what a release really holds. Test support only.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Arch, type Configuration } from 'electron-builder';
import { load } from 'js-yaml';

const ROOT = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
const fromBuilder = createRequire(require.resolve('electron-builder'));
const { expandMacro } = fromBuilder('app-builder-lib/out/util/macroExpander.js') as {
  expandMacro(pattern: string, arch: string | null, appInfo: object, extra?: object, isProductNameSanitized?: boolean): string;
};
const { getArtifactArchName } = fromBuilder('builder-util') as { getArtifactArchName(arch: Arch, ext: string): string };

export const builderConfig = load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Configuration;
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; productName: string };

/** One installer: the system it is for, and its file name for `version`. */
export interface Artefact {
  os: 'linux' | 'mac' | 'win';
  file: string;
}

/** Every installer a release holds, for `version` (the placeholder `<version>` in the docs). */
export function artefacts(version: string): Artefact[] {
  const appInfo = { name: manifest.name, productName: manifest.productName, sanitizedProductName: manifest.productName, version };
  const name = (pattern: string | null | undefined, ext: string, arch: Arch) => {
    if (!pattern) throw new Error(`electron-builder.yml names no artifactName for ${ext}`);
    return expandMacro(pattern, getArtifactArchName(arch, ext), appInfo, { ext });
  };
  return [
    { os: 'linux', file: name(builderConfig.deb?.artifactName, 'deb', Arch.x64) },
    { os: 'linux', file: name(builderConfig.appImage?.artifactName, 'AppImage', Arch.x64) },
    { os: 'mac', file: name(builderConfig.dmg?.artifactName, 'dmg', Arch.x64) },
    { os: 'mac', file: name(builderConfig.dmg?.artifactName, 'dmg', Arch.arm64) },
    { os: 'win', file: name(builderConfig.nsis?.artifactName, 'exe', Arch.x64) },
  ];
}
