// Where the dashboard's API comes from: the preload's `window.dacaWatch` in the app, or the preview's
// WebSocket client in a plain browser. The only place that knows there are two; components never ask.

/// <reference path="./global.d.ts" />
import type { DacaWatchApi } from '../../shared/ipc/contract';
import { connectWsApi } from './ws-api';

const TOKEN_KEY = 'daca-watch-preview-token';

let api: DacaWatchApi | undefined;

/** The one API of this page (a preview page opens one socket, however often this is called). */
export function getApi(): DacaWatchApi {
  api ??= window.dacaWatch ?? connectWsApi({
    url: previewApiUrl(location, sessionStorage),
    openSocket: (url) => new WebSocket(url),
    // The preview's sign-in page, in a tab of its own that cannot reach back into this one.
    openTab: (url) => void window.open(url, '_blank', 'noopener'),
  });
  return api;
}

/**
 * The preview's socket on this page's origin. The token comes from the page's address, which the preview
 * printed, and is kept in sessionStorage for reloads that lose it; without one, the preview's cookie may do.
 */
export function previewApiUrl(page: { href: string }, storage: Pick<Storage, 'getItem' | 'setItem'>): string {
  const url = new URL('/api', page.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  const typed = new URL(page.href).searchParams.get('token');
  if (typed) storage.setItem(TOKEN_KEY, typed);
  const token = typed ?? storage.getItem(TOKEN_KEY);
  if (token) url.searchParams.set('token', token);
  return url.href;
}
