// Escaping for the HTML DACA Watch writes itself: markup and attribute quotes come out as text, nothing else moves.

import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../shared/html';

describe('escapeHtml', () => {
  it('escapes the five characters that open markup or leave an attribute, and only them', () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')">&amp;`)).toBe('&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;amp;');
    expect(escapeHtml('Case Was Received · Caso recibido «ñ» $1 123')).toBe('Case Was Received · Caso recibido «ñ» $1 123');
  });
});
