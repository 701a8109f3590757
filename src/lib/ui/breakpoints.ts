/**
 * The layout's breakpoints, in CSS pixels: the one list that both the components' `@media` rules
 * and their scripts use (`breakpoints.spec.ts` reads every stylesheet and checks that it uses
 * these widths and no others).
 */
export const BREAKPOINTS = {
  /** Up to this width, a phone: one column, the map at the top. */
  phone: 760,
  /** Up to this width, the narrative covers the list column rather than floating over the map. */
  mid: 1100,
  /** Above this height, a phone is held upright: the map sticks to the top while the page scrolls. */
  uprightPhone: 500,
  /** Up to this width, the embed-code dialog lays its options and preview out in one column. */
  dialog: 700,
  /** Up to this width the handout's page padding narrows (640 px: 40rem). */
  handout: 640,
} as const;

export const PHONE = `(max-width: ${BREAKPOINTS.phone}px)`;
/** Wide screens: the narrative floats over the map's left side. */
export const WIDE = `(min-width: ${BREAKPOINTS.mid + 1}px)`;
