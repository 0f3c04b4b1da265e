// The dashboard page with its first frame already in it: main renders the header, the status line and the verdict
// banner from the state it holds (renderer/first-paint.ts, built for Node into dist/first-paint/) and puts that
// markup into index.html before the window loads it, so the answer to "where is my renewal?" is on screen before
// the dashboard's script has even been parsed; the script then hydrates it. Shared by app:// and the preview.
// Plain Node (no `electron` import). Whatever goes wrong here, the page is served as built, without a first frame.

import { pathToFileURL } from 'node:url';
import type { DashboardState } from '../shared/ipc/contract';
import type { Language } from '../shared/localized';

/** The Node build of renderer/first-paint.ts, in its own folder beside the dashboard's (never served to the page). */
export const FIRST_PAINT_DIR = 'first-paint';
export const FIRST_PAINT_FILE = 'first-paint.mjs';

/**
 * Renders the first frame's markup (escaped by Svelte's server renderer) for a state, and the language it is in:
 * the settings' once the user picked one, else `systemLanguage`.
 */
export type RenderFirstPaint = (state: DashboardState, systemLanguage: Language) => { markup: string; lang: Language };

/** The spot in index.html the dashboard mounts on; the first frame goes inside it. */
const APP_ELEMENT = '<div id="app"></div>';
/** The page's own language, which the first frame's language replaces (the page's script keeps it in step after). */
const PAGE_LANGUAGE = /<html lang="[a-z-]*">/;

/**
 * Loads the built renderer, or resolves to null (the page then paints after its script, as before) when the file
 * is missing or does not export it; `report` says why, once, without any user data. In the app this is a dynamic
 * import() of an .mjs file inside app.asar, beside the ESM main bundle itself: Electron's main process loads ES
 * modules with Node's ESM loader (Electron docs, docs/tutorial/esm.md, "Main process"; since Electron 28). Never
 * run inside Electron here: tests load the same built file under Node.
 */
export async function loadFirstPaint(file: string, report: (message: string) => void = () => undefined): Promise<RenderFirstPaint | null> {
  try {
    const module = (await import(pathToFileURL(file).href)) as { renderFirstPaint?: unknown };
    if (typeof module.renderFirstPaint === 'function') return module.renderFirstPaint as RenderFirstPaint;
    report('first paint: the built renderer exports no renderFirstPaint; the dashboard paints after its script');
  } catch (error) {
    report(`first paint: could not load the built renderer (${(error as Error).message.split('\n')[0]}); the dashboard paints after its script`);
  }
  return null;
}

/**
 * index.html with the first frame for the state `stateOf` gives inside its app element; the page unchanged when
 * there is no state yet, no renderer, no app element, or reading the state or rendering fails (reported without
 * user data).
 */
export function withFirstPaint(
  indexHtml: string,
  render: RenderFirstPaint | null,
  stateOf: () => DashboardState | null,
  systemLanguage: Language,
  report: (message: string) => void = () => undefined,
): string {
  if (render === null || !indexHtml.includes(APP_ELEMENT)) return indexHtml;
  let frame: ReturnType<RenderFirstPaint>;
  try {
    const state = stateOf();
    if (state === null) return indexHtml;
    frame = render(state, systemLanguage);
  } catch (error) {
    report(`first paint: rendering failed (${(error as Error).name}); the dashboard paints after its script`);
    return indexHtml;
  }
  // Function replacements: `$&`, `$'` and the like in the markup (a status text may hold them) stay literal.
  return indexHtml.replace(PAGE_LANGUAGE, () => `<html lang="${frame.lang === 'es' ? 'es' : 'en'}">`).replace(APP_ELEMENT, () => `<div id="app">${frame.markup}</div>`);
}
