// Serves the built dashboard as app://dashboard/... from one folder, with the right MIME type and a strict
// CSP on every response. It must never serve a file outside that folder nor anything for another host.

import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { protocol } from 'electron';
import { allowListOf, isAllowedNavigation } from '../shared/security/navigation';
import { DASHBOARD_CSP, MIME_TYPES } from '../app/dashboard-csp';

export { DASHBOARD_CSP } from '../app/dashboard-csp';

export const APP_SCHEME = 'app';
/** The dashboard's origin: the only frame the IPC handlers answer. */
export const APP_ORIGIN = `${APP_SCHEME}://dashboard`;
export const DASHBOARD_URL = `${APP_ORIGIN}/index.html`;

const DASHBOARD_ONLY = allowListOf([APP_ORIGIN]);

/** Before the app is ready: app:// behaves like https (standard URLs, secure context, its own origin). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }]);
}

/**
 * After the app is ready: app://dashboard/... answers from `rootDir` (the built renderer folder). `page` may
 * rewrite index.html as it is served (main puts the dashboard's first frame into it: see app/first-paint.ts); it runs
 * on every load of the page, never for another file.
 */
export function serveDashboard(rootDir: string, page: (indexHtml: string) => string = (html) => html): void {
  const indexFile = resolve(rootDir, 'index.html');
  protocol.handle(APP_SCHEME, async (request) => {
    const file = request.method === 'GET' ? resolveAppPath(rootDir, request.url) : null;
    if (file === null) return notFound();
    try {
      const type = MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
      // The page carries the state of the moment it was served: never kept in a cache, never shown again stale.
      if (file === indexFile) return new Response(pageOrAsBuilt(page, await readFile(file, 'utf8')), { status: 200, headers: { ...headersFor(type), 'Cache-Control': 'no-store' } });
      const body = new Uint8Array(await readFile(file));
      return new Response(body, { status: 200, headers: headersFor(type) });
    } catch {
      return notFound();
    }
  });
}

/**
 * The file inside `rootDir` that an app://dashboard URL names (`/` is index.html), or null when the URL is
 * for another host or its path could leave the folder: dot segments (plain or percent-encoded), encoded
 * slashes or backslashes, drive letters, empty segments (`//etc/passwd`), undecodable escapes.
 */
export function resolveAppPath(rootDir: string, url: string): string | null {
  if (!isAllowedNavigation(url, DASHBOARD_ONLY)) return null;
  const pathname = new URL(url).pathname;
  const segments = pathname === '' || pathname === '/' ? ['index.html'] : pathname.slice(1).split('/').map(decodeSegment);
  if (segments.some((segment) => segment === null || segment === '' || segment === '.' || segment === '..' || /[/\\:\0]/.test(segment))) return null;
  const root = resolve(rootDir);
  const file = join(root, ...(segments as string[]));
  const inside = relative(root, file);
  return inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside) ? null : file;
}

/** The page as `page` rewrites it, or as built when that throws: the dashboard still loads without its first frame. */
function pageOrAsBuilt(page: (indexHtml: string) => string, indexHtml: string): string {
  try {
    return page(indexHtml);
  } catch {
    return indexHtml;
  }
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

function headersFor(contentType: string): Record<string, string> {
  return { 'Content-Type': contentType, 'Content-Security-Policy': DASHBOARD_CSP, 'X-Content-Type-Options': 'nosniff' };
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: headersFor('text/plain; charset=utf-8') });
}
