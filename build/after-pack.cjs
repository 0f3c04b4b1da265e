// electron-builder's afterPack hook: hardens every packaged DACA Watch by flipping Electron's fuses before it is signed.
// It changes only the packaged Electron binary's fuse wire (re-signing ad hoc on Apple silicon); it signs and uploads nothing.
'use strict';

const { FuseV1Options, FuseVersion } = require('@electron/fuses');
const { Arch } = require('electron-builder');

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

/** The @electron/fuses configuration for one packed app. */
function fuseConfig(context) {
  return {
    version: FuseVersion.V1,
    // Flipping a fuse breaks the ad-hoc signature Apple silicon needs to start an app at all; a Developer ID
    // signature, when there is a certificate, replaces this one afterwards.
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && context.arch === Arch.arm64,
    ...RELEASE_FUSES,
  };
}

/** Called by electron-builder once per packed app, after packing and before signing. */
async function afterPack(context) {
  await context.packager.addElectronFuses(context, fuseConfig(context));
}

module.exports = { afterPack, RELEASE_FUSES };
