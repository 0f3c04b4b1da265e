// The committed icons in build/: real PNG, ICO and ICNS files of the sizes electron-builder and the tray adapter
// expect, black-and-alpha macOS template images, and byte for byte what `npm run icons` makes from build/icon.svg now.

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { crc32, inflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_ICON_SIZES, ICNS_CHUNKS, ICO_SIZES, makeIcons } from '../../scripts/make-icons';
import { TRAY_ICONS } from '../../shared/tray/tray-model';

const BUILD = join(import.meta.dirname, '..', '..', 'build');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface Png {
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
  /** Width × height RGBA pixels, filters undone (8-bit RGBA, non-interlaced images only). */
  rgba: Buffer;
}

/** A small PNG reader: checks the signature and every chunk's CRC, and decodes 8-bit RGBA pixels. */
function readPng(bytes: Buffer): Png {
  expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  const idat: Buffer[] = [];
  let header: Buffer | undefined;
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    const typeAndData = bytes.subarray(at + 4, at + 8 + length);
    expect(crc32(typeAndData) >>> 0).toBe(bytes.readUInt32BE(at + 8 + length));
    const type = typeAndData.subarray(0, 4).toString('latin1');
    if (type === 'IHDR') header = typeAndData.subarray(4);
    if (type === 'IDAT') idat.push(typeAndData.subarray(4));
    at += 12 + length;
  }
  if (header === undefined) throw new Error('PNG without IHDR');
  const png = { width: header.readUInt32BE(0), height: header.readUInt32BE(4), bitDepth: header[8] ?? 0, colourType: header[9] ?? 0 };
  expect({ bitDepth: png.bitDepth, colourType: png.colourType, interlace: header[12] }).toEqual({ bitDepth: 8, colourType: 6, interlace: 0 });
  return { ...png, rgba: unfilter(inflateSync(Buffer.concat(idat)), png.width, png.height) };
}

/** Undoes PNG's per-row filters (None, Sub, Up, Average, Paeth) for 4 bytes per pixel. */
function unfilter(data: Buffer, width: number, height: number): Buffer {
  const stride = width * 4;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = data[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const raw = data[y * (stride + 1) + 1 + x] ?? 0;
      const left = x >= 4 ? (out[y * stride + x - 4] ?? 0) : 0;
      const up = y > 0 ? (out[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = x >= 4 && y > 0 ? (out[(y - 1) * stride + x - 4] ?? 0) : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter ?? -1];
      if (predictor === undefined) throw new Error(`unknown PNG filter ${filter}`);
      out[y * stride + x] = (raw + predictor) & 0xff;
    }
  }
  return out;
}

function paeth(left: number, up: number, upLeft: number): number {
  const estimate = left + up - upLeft;
  const [toLeft, toUp, toUpLeft] = [Math.abs(estimate - left), Math.abs(estimate - up), Math.abs(estimate - upLeft)];
  if (toLeft <= toUp && toLeft <= toUpLeft) return left;
  return toUp <= toUpLeft ? up : upLeft;
}

function pngSize(bytes: Buffer): [number, number] {
  const { width, height } = readPng(bytes);
  return [width, height];
}

function pixels(png: Png): { red: number; green: number; blue: number; alpha: number }[] {
  return Array.from({ length: png.width * png.height }, (_, index) => ({
    red: png.rgba[index * 4] ?? 0,
    green: png.rgba[index * 4 + 1] ?? 0,
    blue: png.rgba[index * 4 + 2] ?? 0,
    alpha: png.rgba[index * 4 + 3] ?? 0,
  }));
}

function filesUnder(root: string, folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}

const read = (path: string) => readFileSync(join(BUILD, path));

describe('app icons', () => {
  it('has the Linux icon folder electron-builder reads, every size a square RGBA PNG, and icon.png at 1024', () => {
    expect(filesUnder(BUILD, 'icons')).toEqual(APP_ICON_SIZES.map((size) => `icons/${size}x${size}.png`).sort());
    for (const size of APP_ICON_SIZES) expect(pngSize(read(`icons/${size}x${size}.png`))).toEqual([size, size]);
    expect(pngSize(read('icon.png'))).toEqual([1024, 1024]);
    expect(read('icon.png').equals(read('icons/1024x1024.png'))).toBe(true);
  });

  it('has an ICO whose directory lists 16 to 256 px, each entry a PNG of its size stored where it says', () => {
    const ico = read('icon.ico');
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, ICO_SIZES.length]);
    let expectedOffset = 6 + 16 * ICO_SIZES.length;
    ICO_SIZES.forEach((size, index) => {
      const entry = 6 + 16 * index;
      const [width, height] = [ico[entry] || 256, ico[entry + 1] || 256];
      const [planes, bitCount, length, offset] = [ico.readUInt16LE(entry + 4), ico.readUInt16LE(entry + 6), ico.readUInt32LE(entry + 8), ico.readUInt32LE(entry + 12)];
      expect({ width, height, planes, bitCount, offset }).toEqual({ width: size, height: size, planes: 1, bitCount: 32, offset: expectedOffset });
      expect(pngSize(ico.subarray(offset, offset + length))).toEqual([size, size]);
      expectedOffset += length;
    });
    expect(ico.length).toBe(expectedOffset);
  });

  it('has an ICNS whose header length is the file length and whose chunks are PNGs of the sizes their types mean', () => {
    const icns = read('icon.icns');
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const chunks: { type: string; size: [number, number] }[] = [];
    for (let at = 8; at < icns.length; ) {
      const length = icns.readUInt32BE(at + 4);
      expect(length).toBeGreaterThan(8);
      chunks.push({ type: icns.subarray(at, at + 4).toString('latin1'), size: pngSize(icns.subarray(at + 8, at + length)) });
      at += length;
    }
    expect(chunks).toEqual(ICNS_CHUNKS.map(([type, size]) => ({ type, size: [size, size] })));
  });
});

describe('tray images', () => {
  const expected = TRAY_ICONS.flatMap((state) => [`${state}.png`, `${state}@2x.png`, `${state}Template.png`, `${state}Template@2x.png`]);

  it('has four images for every tray state (16 px and @2x, colour and macOS template) and nothing else', () => {
    expect(filesUnder(BUILD, 'tray')).toEqual(expected.map((name) => `tray/${name}`).sort());
    for (const state of TRAY_ICONS) {
      for (const suffix of ['', 'Template']) {
        expect(pngSize(read(`tray/${state}${suffix}.png`))).toEqual([16, 16]);
        expect(pngSize(read(`tray/${state}${suffix}@2x.png`))).toEqual([32, 32]);
      }
    }
  });

  it('draws template images in black and alpha only, and the colour images in colour', () => {
    for (const state of TRAY_ICONS) {
      for (const name of [`${state}Template.png`, `${state}Template@2x.png`]) {
        const drawn = pixels(readPng(read(`tray/${name}`)));
        expect(drawn.filter(({ red, green, blue }) => red + green + blue > 0), name).toEqual([]);
        expect(drawn.some(({ alpha }) => alpha === 255), name).toBe(true);
      }
      const colour = pixels(readPng(read(`tray/${state}@2x.png`)));
      expect(colour.some(({ red, green, blue, alpha }) => alpha > 0 && red + green + blue > 0), state).toBe(true);
    }
  });

  it('gives every state a different image', () => {
    const images = new Set(TRAY_ICONS.flatMap((state) => [read(`tray/${state}.png`).toString('base64'), read(`tray/${state}Template@2x.png`).toString('base64')]));
    expect(images.size).toBe(TRAY_ICONS.length * 2);
  });
});

describe('npm run icons', () => {
  const out = mkdtempSync(join(tmpdir(), 'daca-watch-icons-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('makes, from build/icon.svg today, exactly the committed files, byte for byte (run `npm run icons` if not)', () => {
    const made = makeIcons(join(BUILD, 'icon.svg'), out);
    const generated = [...made.keys()].sort();
    const committed = [...filesUnder(BUILD, 'icons'), ...filesUnder(BUILD, 'tray'), 'icon.icns', 'icon.ico', 'icon.png'].sort();
    expect(generated).toEqual(committed);
    expect(filesUnder(out, '.')).toEqual(committed);
    const stale = committed.filter((path) => !read(path).equals(readFileSync(join(out, path))));
    expect(stale).toEqual([]);
  });
});
