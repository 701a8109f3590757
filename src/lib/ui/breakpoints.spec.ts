import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BREAKPOINTS, PHONE, WIDE } from './breakpoints';

/** Every stylesheet and component of the site. */
function sources(dir = 'src'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.(svelte|css|html)$/.test(e.name) ? [p] : [];
  });
}

describe('the layout breakpoints', () => {
  const widths = new Set<number>(Object.values(BREAKPOINTS));
  it('are the only widths and heights the stylesheets break at', () => {
    const stray: string[] = [];
    for (const file of sources()) {
      const css = readFileSync(file, 'utf8');
      for (const m of css.matchAll(/@media[^{]*\{/g)) {
        for (const [, bound, value] of m[0].matchAll(
          /\((min|max)-(?:width|height):\s*([\d.]+)px\)/g,
        )) {
          // A min- query starts one pixel past the breakpoint it mirrors.
          const at = Number(value) - (bound === 'min' ? 1 : 0);
          if (!widths.has(at)) stray.push(`${file}: ${m[0]}`);
        }
        if (/\d+(\.\d+)?(rem|em)\)/.test(m[0])) stray.push(`${file}: ${m[0]} (not in px)`);
      }
    }
    expect(stray).toEqual([]);
  });

  it('are what the scripts ask the browser for', () => {
    expect(PHONE).toBe(`(max-width: ${BREAKPOINTS.phone}px)`);
    expect(WIDE).toBe(`(min-width: ${BREAKPOINTS.mid + 1}px)`);
    const literal: string[] = [];
    for (const file of sources()) {
      const text = readFileSync(file, 'utf8');
      const script = text.replace(/<style[\s\S]*?<\/style>/g, '');
      if (/(matchMedia|MediaQuery)\(\s*['"`]\((max|min)-width/.test(script)) literal.push(file);
    }
    expect(literal).toEqual([]);
  });
});
