// The dashboard's Content Security Policy and file types, shared by the app:// protocol and the browser
// preview. Data only; no `electron` import.

/**
 * Svelte 5 as built by vite-plugin-svelte needs no more: scripts are files, component CSS is emitted to
 * files, and dynamic styles go through the CSSOM (`element.style`), which CSP does not restrict. Static
 * `style="..."` attributes in templates would be blocked: use classes. `connect` adds a source to
 * connect-src (the preview's WebSocket).
 */
export function dashboardCsp(connect?: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    connect ? `connect-src 'self' ${connect}` : "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

export const DASHBOARD_CSP = dashboardCsp();

export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};
