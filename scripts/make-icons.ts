// `npm run icons`: makes every icon DACA Watch ships from the one drawing build/icon.svg (the Linux icon folder,
// icon.png, icon.ico, icon.icns and the tray images); same drawing in, same bytes out. It never edits the drawing.

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { TRAY_ICONS, type TrayIcon } from '../shared/tray/tray-model';

/** electron-builder's Linux icon folder (`build/icons/NxN.png`); the largest is also build/icon.png. */
export const APP_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
/** Windows: every entry PNG-compressed (Vista and later read them); 256 is the largest an ICO holds. */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;
/** macOS: the PNG-carrying ICNS chunk types and the size each holds. */
export const ICNS_CHUNKS = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
] as const;

const BUILD_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'build');

/** Rasterizes an SVG to a PNG `size` pixels wide, with no system fonts (the drawings have no text). */
function rasterize(svg: string, size: number): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } }).render().asPng();
}

/** An ICO file: a 6-byte header, one 16-byte directory entry per image, then the PNGs themselves. */
function icoFile(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, index) => {
    const entry = 6 + 16 * index;
    header.writeUInt8(size >= 256 ? 0 : size, entry);
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map(({ png }) => png)]);
}

/** An ICNS file: `icns` and the total length, then chunks of a 4-letter type, their length (header included) and a PNG. */
function icnsFile(chunks: { type: string; png: Buffer }[]): Buffer {
  const parts = chunks.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + parts.reduce((total, part) => total + part.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

// Tray glyphs, drawn on a 32-unit grid so that 2-unit strokes on odd coordinates land on whole pixels at 16 and 32 px:
// the drawing's document and eye, and for every state but 'watching' a badge in the corner, cut free by a gap.
type Variant = 'colour' | 'template';

const BADGE = { cx: 24, cy: 24, r: 7 };
const GAP_RADIUS = 9.5;
const WHOLE_GRID = 'maskUnits="userSpaceOnUse" x="0" y="0" width="32" height="32"';

/** How a state marks the corner: a mark on its own, or a disc with the mark cut out (white in colour images). */
interface TrayBadge {
  colour: string;
  disc: boolean;
  mark: (paint: string) => string;
}

const checkMark = (paint: string) =>
  `<path d="M20.5 24.2l2.4 2.4 4.6-4.8" fill="none" stroke="${paint}" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"/>`;
const exclamationMark = (paint: string) =>
  `<path d="M24 19.6v5" stroke="${paint}" stroke-width="2.4" stroke-linecap="round"/><circle cx="24" cy="28.2" r="1.3" fill="${paint}"/>`;
/** A ring turning clockwise from the top right round to the top left, its arrowhead pointing on into the opening. */
const turningArrow = (paint: string) =>
  `<path d="M27.8 20.8A5 5 0 1 1 19.9 21.1" fill="none" stroke="${paint}" stroke-width="2.2" stroke-linecap="round"/>` +
  `<path d="M21.9 18.3L17.6 19.5 22.2 22.7Z" fill="${paint}"/>`;

const TRAY_BADGES: Record<TrayIcon, TrayBadge | null> = {
  watching: null,
  checking: { colour: '#1971c2', disc: false, mark: turningArrow },
  news: { colour: '#e8590c', disc: true, mark: () => '' },
  approved: { colour: '#1f8a4c', disc: true, mark: checkMark },
  attention: { colour: '#d92d20', disc: true, mark: exclamationMark },
};

function trayBase(variant: Variant): string {
  const ink = variant === 'colour' ? '#12507a' : '#000';
  const paper = variant === 'colour' ? '#fff' : 'none';
  return (
    `<rect x="5" y="1" width="20" height="28" rx="3.5" fill="${paper}" stroke="${ink}" stroke-width="2"/>` +
    `<path d="M7.5 12.5Q15 2.5 22.5 12.5Q15 22.5 7.5 12.5Z" fill="none" stroke="${ink}" stroke-width="2" stroke-linejoin="round"/>` +
    `<circle cx="15" cy="12.5" r="2.5" fill="${ink}"/>` +
    `<path d="M9 21h12M9 25h7" stroke="${ink}" stroke-width="2" stroke-linecap="round"/>`
  );
}

function trayBadge({ colour, disc, mark }: TrayBadge, variant: Variant): string {
  const paint = variant === 'colour' ? colour : '#000';
  if (!disc) return mark(paint);
  const circle = `<circle cx="${BADGE.cx}" cy="${BADGE.cy}" r="${BADGE.r}"`;
  if (variant === 'colour') return `${circle} fill="${paint}"/>${mark('#fff')}`;
  return `<mask id="mark" ${WHOLE_GRID}>${circle} fill="#fff"/>${mark('#000')}</mask>${circle} fill="#000" mask="url(#mark)"/>`;
}

/** One tray glyph as SVG: template images are black and alpha only, as macOS requires. */
function trayGlyph(state: TrayIcon, variant: Variant): string {
  const badge = TRAY_BADGES[state];
  const body =
    badge === null
      ? trayBase(variant)
      : `<mask id="gap" ${WHOLE_GRID}><rect width="32" height="32" fill="#fff"/>` +
        `<circle cx="${BADGE.cx}" cy="${BADGE.cy}" r="${GAP_RADIUS}" fill="#000"/></mask>` +
        `<g mask="url(#gap)">${trayBase(variant)}</g>${trayBadge(badge, variant)}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">${body}</svg>`;
}

/** Every file the generator makes, by path relative to the build folder. */
function renderIcons(drawing: string): Map<string, Buffer> {
  const renderings = new Map(APP_ICON_SIZES.map((size) => [size, rasterize(drawing, size)] as const));
  const at = (size: number): Buffer => {
    const png = renderings.get(size as (typeof APP_ICON_SIZES)[number]);
    if (png === undefined) throw new Error(`no ${size} px rendering of the drawing`);
    return png;
  };
  const files = new Map<string, Buffer>();
  for (const size of APP_ICON_SIZES) files.set(`icons/${size}x${size}.png`, at(size));
  files.set('icon.png', at(1024));
  files.set('icon.ico', icoFile(ICO_SIZES.map((size) => ({ size, png: at(size) }))));
  files.set('icon.icns', icnsFile(ICNS_CHUNKS.map(([type, size]) => ({ type, png: at(size) }))));
  for (const state of TRAY_ICONS) {
    for (const [variant, suffix] of [['colour', ''], ['template', 'Template']] as const) {
      const svg = trayGlyph(state, variant);
      files.set(`tray/${state}${suffix}.png`, rasterize(svg, 16));
      files.set(`tray/${state}${suffix}@2x.png`, rasterize(svg, 32));
    }
  }
  return files;
}

/** Renders the drawing and replaces the generated files under `outDir` (its icons/ and tray/ folders wholly). */
export function makeIcons(drawingPath: string, outDir: string): Map<string, Buffer> {
  const files = renderIcons(readFileSync(drawingPath, 'utf8'));
  rmSync(join(outDir, 'icons'), { recursive: true, force: true });
  rmSync(join(outDir, 'tray'), { recursive: true, force: true });
  for (const [path, bytes] of files) {
    mkdirSync(dirname(join(outDir, path)), { recursive: true });
    writeFileSync(join(outDir, path), bytes);
  }
  return files;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const files = makeIcons(join(BUILD_DIR, 'icon.svg'), BUILD_DIR);
  process.stdout.write(`Wrote ${files.size} files under build/.\n`);
}
