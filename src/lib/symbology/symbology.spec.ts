import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { legendRows, swatchShapes } from './legend';
import { dashPx, isHollow, PAGE_PALETTE, SYMBOL } from './symbology';

describe('the symbology table', () => {
  it('has the page colours the stylesheet has, in both themes', () => {
    const css = readFileSync('src/app.css', 'utf8');
    const tokens = Object.fromEntries(
      [...css.matchAll(/--([a-z-]+):\s*light-dark\((#[0-9a-f]{6}),\s*(#[0-9a-f]{6})\)/g)].map(
        (m) => [m[1]!, { light: m[2]!, dark: m[3]! }],
      ),
    );
    for (const theme of ['light', 'dark'] as const) {
      for (const [name, colour] of Object.entries(PAGE_PALETTE[theme])) {
        expect(tokens[name]?.[theme], `--${name} (${theme})`).toBe(colour);
      }
    }
  });

  it('draws approximate and placeholder places hollow', () => {
    expect(
      ['venue', 'city', 'approximate', 'placeholder'].map((p) => isHollow(p as never)),
    ).toEqual([false, false, true, true]);
  });

  it('turns dashes in line widths into pixels', () => {
    expect(dashPx(SYMBOL.route.dash, SYMBOL.route.width.rest)).toEqual([8, 4.8]);
  });
});

describe('legend rows', () => {
  const rows = legendRows({
    categories: [{ id: 'energy', label: 'Energy', color: '#c26a00' }],
    hollow: true,
    routes: [
      { layer: 'pipe', title: 'Pipeline', label: 'Energy', color: '#c26a00', indicative: true },
      { layer: 'rail', title: 'Railway', label: 'Economy', color: '#238b70', indicative: false },
    ],
    links: ['Connections'],
    highlight: 'focus',
  });

  it('use the story’s labels, never ids, and say which routes are indicative', () => {
    expect(rows.map((r) => r.label)).toEqual([
      'In focus in this chapter',
      'Energy',
      'Approximate or symbolic location',
      'Pipeline (dashed: an indicative line through published waypoints)',
      'Railway (solid: a surveyed line)',
      'Connections: a great-circle arc between two places',
    ]);
  });

  it('draw a dashed swatch for an indicative route only, and a hollow one for approximate places', () => {
    const [pipe, rail] = rows.filter((r) => r.symbol.type === 'line');
    expect(swatchShapes(pipe!.symbol)[0]).toMatchObject({ dash: [8, 4.8] });
    expect(swatchShapes(rail!.symbol)[0]).not.toHaveProperty('dash', expect.anything());
    const hollow = swatchShapes(rows.find((r) => r.key === 'hollow')!.symbol)[0]!;
    expect(hollow).toMatchObject({ fill: '#ffffff', strokeWidth: SYMBOL.event.hollowWidth });
  });
});
