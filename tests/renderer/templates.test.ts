// The dashboard's sources against the CSP and the house rules: no HTML from strings, no static style
// attributes, nothing remote, no click handlers on non-controls, and a header comment on every file.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const RENDERER = join(import.meta.dirname, '..', '..', 'renderer');
const files = readdirSync(RENDERER, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && /\.(svelte|ts)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
  .map((entry) => join(entry.parentPath, entry.name));
const components = files.filter((file) => file.endsWith('.svelte'));
const read = (file: string) => readFileSync(file, 'utf8');
const named = (file: string) => relative(RENDERER, file);

describe('the dashboard sources', () => {
  it('has components to check', () => {
    expect(components.length).toBeGreaterThan(8);
  });

  it.each(components.map(named))('%s renders no HTML from strings and has no static style attribute', (file) => {
    const source = read(join(RENDERER, file));
    expect(source).not.toContain('{@html');
    expect(source).not.toMatch(/\sstyle="/);
    expect(source).not.toMatch(/\b(src|href)="https?:/);
  });

  it.each(components.map(named))('%s puts click handlers only on controls', (file) => {
    const clickable = [...read(join(RENDERER, file)).matchAll(/<(\w+)[^>]*\sonclick=/g)].map((match) => match[1]);
    expect(clickable.filter((tag) => tag !== 'button')).toEqual([]);
  });

  it.each(components.map(named))('%s opens with an HTML comment header', (file) => {
    expect(read(join(RENDERER, file))).toMatch(/^<!-- [^\n]+\n[^\n]+-->/);
  });

  it.each(files.filter((file) => file.endsWith('.ts')).map(named))('%s opens with a two-line header', (file) => {
    expect(read(join(RENDERER, file))).toMatch(/^\/\/ [^\n]+\n\/\/ [^\n]+\n/);
  });
});
