/**
 * Event categories: a story declares its own in `story.json` (id, label, colour), or gets the
 * defaults. Category colours draw symbols only — map markers and lines, list dots, timeline ticks,
 * filter checkboxes — never text, so each must reach WCAG's 3:1 non-text contrast against every
 * surface it is drawn on: the light and the dark map (land and sea) and the page and panel
 * backgrounds in both themes.
 */
import { MAP_PALETTE, PAGE_PALETTE } from '$lib/symbology/symbology';

export interface CategoryDef {
  id: string;
  label: string;
  /** `#rrggbb`. */
  color: string;
}

/**
 * The categories of a story that declares none. Each colour has a relative luminance of about
 * 0.2, which clears 3:1 against the light map's sea and the dark map's land alike.
 */
export const DEFAULT_CATEGORIES: readonly CategoryDef[] = [
  { id: 'energy', label: 'Energy', color: '#c26a00' },
  { id: 'defence', label: 'Defence', color: '#c35f34' },
  { id: 'security', label: 'Security', color: '#b46090' },
  { id: 'diplomacy', label: 'Diplomacy', color: '#3a7dca' },
  { id: 'economy', label: 'Economy', color: '#238b70' },
  { id: 'culture', label: 'Culture', color: '#8c65db' },
];

/** WCAG 2 contrast minimums: 4.5:1 for text, 3:1 for symbols and other non-text marks. */
export const TEXT_CONTRAST = 4.5;
export const SYMBOL_CONTRAST = 3;

/** Every surface a category colour is drawn on: the maps, and the page and panel of each theme. */
export const CATEGORY_SURFACES: readonly { name: string; color: string }[] = [
  { name: "the light map's land", color: MAP_PALETTE.light.land },
  { name: "the light map's sea", color: MAP_PALETTE.light.sea },
  { name: "the dark map's land", color: MAP_PALETTE.dark.land },
  { name: "the dark map's sea", color: MAP_PALETTE.dark.sea },
  { name: 'the light page', color: PAGE_PALETTE.light.bg },
  { name: 'the light panel', color: PAGE_PALETTE.light.panel },
  { name: 'the dark page', color: PAGE_PALETTE.dark.bg },
  { name: 'the dark panel', color: PAGE_PALETTE.dark.panel },
];

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * The WCAG 2 contrast ratio of two `#rrggbb` colours, from 1 to 21.
 *
 * @example
 * contrastRatio('#000000', '#ffffff') // 21
 */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Each surface a category's colour does not stand out from, as `what — fix`. */
export function categoryContrastProblems(category: CategoryDef): string[] {
  return CATEGORY_SURFACES.flatMap(({ name, color }) => {
    const ratio = contrastRatio(category.color, color);
    if (ratio >= SYMBOL_CONTRAST) return [];
    // Move away from the surface: darker on a light one, lighter on a dark one.
    const darker = luminance(category.color) < luminance(color);
    return [
      `the colour ${category.color} has a contrast of ${ratio.toFixed(2)}:1 against ${name} (${color}); map symbols need ${SYMBOL_CONTRAST}:1 — choose a ${darker ? 'darker' : 'lighter'} colour (a relative luminance near 0.2, like the defaults, passes on every surface)`,
    ];
  });
}
