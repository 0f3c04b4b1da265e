// electron-builder's afterPack hook: hardens every packaged DACA Watch by flipping Electron's fuses before it is signed.
// It changes only the packaged Electron binary's fuse wire (re-signing a macOS app ad hoc afterwards); it uploads nothing.
'use strict';

const { FuseV1Options, FuseVersion } = require('@electron/fuses');

/** The fuses every packaged build ships with; a fuse not named here keeps Electron's default. */
const RELEASE_FUSES = {
  // The app's binary cannot be borrowed as a plain Node.js through ELECTRON_RUN_AS_NODE.
  [FuseV1Options.RunAsNode]: false,
  // Cookies, the myUSCIS session among them, are encrypted at rest with the operating system's key store.
  [FuseV1Options.EnableCookieEncryption]: true,
  // No code injected through NODE_OPTIONS or --inspect / --inspect-brk.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // app.asar is checked against the hash electron-builder embeds (macOS and Windows), and it is the only app Electron loads.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // file:// pages get no more than other pages.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/**
 * The @electron/fuses configuration for one packed app. Flipping a fuse breaks the app's signature. On Apple silicon
 * an app without a valid signature does not start at all; on an Intel Mac Gatekeeper calls a downloaded app with a
 * broken signature "damaged" and offers no way to open it, where an ad-hoc signed one can be opened once from
 * System Settings. So every macOS app, both architectures, is signed ad hoc again here (@electron/fuses runs
 * `codesign --sign - --force --deep`, node_modules/@electron/fuses/dist/index.js). When a Developer ID certificate
 * is there, electron-builder signs over this signature afterwards; when it is not, electron-builder skips signing
 * (app-builder-lib/out/mac/MacTargetHelper.js, findSigningIdentity) and this signature is the one that ships.
 */
function fuseConfig(context) {
  return {
    version: FuseVersion.V1,
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin',
    ...RELEASE_FUSES,
  };
}

/** Called by electron-builder once per packed app, after packing and before signing. */
async function afterPack(context) {
  await context.packager.addElectronFuses(context, fuseConfig(context));
}

module.exports = { afterPack, fuseConfig, RELEASE_FUSES };
