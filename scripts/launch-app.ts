// `npm start` / `npm run demo`: checks that Electron can start here, builds the app, and runs it; where Electron
// cannot start, says so in the user's language with the two demos that work without it, and exits 1 (no stack trace).
// Where Electron's sandbox cannot start (Linux with restricted user namespaces and a helper not setuid root), it says
// how to fix that instead and exits 78, before Electron would abort.

import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { checkElectron, electronUnavailableMessage, failureLine, type ElectronProblem } from './electron-check';
import { checkSandbox, nodeSandboxFiles, SANDBOX_EXIT_CODE, sandboxFixMessage } from './electron-sandbox';
import { systemLanguage } from './system-language';

const repoRoot = join(import.meta.dirname, '..');
const lang = systemLanguage();
const appArgs = process.argv.slice(2);

function electronPackageDir(): string | null {
  try {
    return dirname(createRequire(join(repoRoot, 'package.json')).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

function unavailable(problem: ElectronProblem): never {
  process.stderr.write(`\n${electronUnavailableMessage(problem, lang)}`);
  process.exit(1);
}

const check = checkElectron({
  packageDir: electronPackageDir(),
  env: process.env,
  platform: process.platform,
  onDownload: () =>
    process.stderr.write(lang === 'es' ? 'Descargando Electron (solo esta vez, unos 100 MB)…\n' : 'Downloading Electron (this once, about 100 MB)…\n'),
  install: (packageDir) => {
    // The package's own installer, its output kept: it prints a stack trace when the download fails.
    const result = spawnSync(process.execPath, [join(packageDir, 'install.js')], { encoding: 'utf8', timeout: 15 * 60_000 });
    const detail = result.error ? result.error.message : failureLine(`${result.stderr}\n${result.stdout}`);
    return { ok: result.status === 0, detail };
  },
});
if (!check.ok) unavailable(check);

const sandbox = checkSandbox(check.binary, process.platform, nodeSandboxFiles);
if (!sandbox.ok) {
  process.stderr.write(`\n${sandboxFixMessage(sandbox, lang)}`);
  process.exit(SANDBOX_EXIT_CODE);
}

const built = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs')], { cwd: repoRoot, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const app = spawn(check.binary, ['.', ...appArgs], { cwd: repoRoot, stdio: 'inherit' });
app.once('error', (error: NodeJS.ErrnoException) => unavailable({ reason: 'cannot-start', detail: error.code ?? error.message }));
app.once('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.kill(signal));
