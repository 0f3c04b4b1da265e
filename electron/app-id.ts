// The app's id, one value for three places that must agree: electron-builder.yml's `appId` (and `win.appId`), the
// AppUserModelID electron-builder's NSIS installer writes on the Start-menu and desktop shortcuts, and the id the
// running app gives Windows (app.setAppUserModelId, node-notifier's appID). Windows shows a toast only for an app
// whose AUMID a Start-menu shortcut carries (Electron's docs/api/notification.md and docs/tutorial/notifications.md,
// "Windows"; not re-read here). electron-builder 26: NsisTarget defines APP_ID as appInfo.id (the platform's appId,
// else the top-level one), and templates/nsis/include/installer.nsh runs `WinShell::SetLnkAUMI "$newStartMenuLink"
// "${APP_ID}"` on each shortcut it creates (node_modules/app-builder-lib). tests/electron/app-id.test.ts checks all three.

export const APP_ID = 'org.dacawatch.desktop';
