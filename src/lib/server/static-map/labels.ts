/**
 * Label placement for the static maps: places closer together than a label's height share one
 * label ("Islamabad, Rawalpindi"), and each label takes the first of eight positions around its
 * dot that overlaps no other label, no dot and no blocked area (the title band). A label that
 * fits nowhere is left out; its dot keeps its tooltip.
 */

export interface LabelCandidate {
  text: string;
  x: number;
  y: number;
  /** How many events share the place: busier places are labelled first. */
  weight: number;
  focus: boolean;
}

export interface PlacedLabel {
  text: string;
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  focus: boolean;
  /** The text's box, as the placement estimated it. */
  box: Box;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LabelSpace {
  width: number;
  height: number;
  fontSize: number;
  dots: { x: number; y: number; r: number }[];
  blocked: Box[];
}

/** Places within this many pixels of each other share a label. */
const MERGE_PX = 20;

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * @example
 * placeLabels([{ text: 'Karachi', x: 100, y: 100, weight: 2, focus: false }],
 *   { width: 400, height: 300, fontSize: 14, dots: [], blocked: [] })
 * // [{ text: 'Karachi', x: 109, y: 105, anchor: 'start', focus: false }]
 */
export function placeLabels(candidates: LabelCandidate[], space: LabelSpace): PlacedLabel[] {
  const ordered = [...candidates].sort(
    (a, b) =>
      Number(b.focus) - Number(a.focus) || b.weight - a.weight || a.text.localeCompare(b.text),
  );
  const clusters: {
    x: number;
    y: number;
    names: string[];
    focus: boolean;
    members: LabelCandidate[];
  }[] = [];
  for (const c of ordered) {
    const near = clusters.find((k) => Math.hypot(k.x - c.x, k.y - c.y) < MERGE_PX);
    if (near) {
      near.names.push(c.text);
      near.members.push(c);
      near.focus ||= c.focus;
    } else {
      clusters.push({ x: c.x, y: c.y, names: [c.text], focus: c.focus, members: [c] });
    }
  }

  const { fontSize: size } = space;
  const textWidth = (text: string) => text.length * size * 0.56;
  const taken: Box[] = [...space.blocked];
  const placed: PlacedLabel[] = [];
  for (const cluster of clusters) {
    const own = (dot: { x: number; y: number }) =>
      cluster.members.some((m) => Math.hypot(m.x - dot.x, m.y - dot.y) < 0.5);
    const obstacles = [
      ...taken,
      ...space.dots
        .filter((dot) => !own(dot))
        .map((dot) => ({ x: dot.x - dot.r, y: dot.y - dot.r, w: 2 * dot.r, h: 2 * dot.r })),
    ];
    const texts =
      cluster.names.length <= 3
        ? [cluster.names.join(', '), `${cluster.names[0]} +${cluster.names.length - 1}`]
        : [`${cluster.names.slice(0, 2).join(', ')} +${cluster.names.length - 2}`];
    if (cluster.names.length === 1) texts.length = 1;
    const spot = texts
      .flatMap((text) => positions(cluster, text, textWidth(text), size))
      .find(
        ({ box }) =>
          box.x >= 2 &&
          box.y >= 2 &&
          box.x + box.w <= space.width - 2 &&
          box.y + box.h <= space.height - 2 &&
          !obstacles.some((o) => overlaps(box, o)),
      );
    if (!spot) continue;
    taken.push(spot.box);
    placed.push({ ...spot.label, focus: cluster.focus, box: spot.box });
  }
  return placed;
}

/** The eight positions around a dot, best first: right, left, above, below, then diagonals. */
function positions(at: { x: number; y: number }, text: string, w: number, h: number) {
  const gap = 9;
  const round = (n: number) => Math.round(n * 10) / 10;
  const spots: { dx: number; dy: number; anchor: PlacedLabel['anchor'] }[] = [
    { dx: gap, dy: h * 0.35, anchor: 'start' },
    { dx: -gap, dy: h * 0.35, anchor: 'end' },
    { dx: 0, dy: -gap - 2, anchor: 'middle' },
    { dx: 0, dy: gap + h, anchor: 'middle' },
    { dx: gap - 2, dy: -gap + 1, anchor: 'start' },
    { dx: gap - 2, dy: gap + h - 2, anchor: 'start' },
    { dx: -gap + 2, dy: -gap + 1, anchor: 'end' },
    { dx: -gap + 2, dy: gap + h - 2, anchor: 'end' },
  ];
  return spots.map(({ dx, dy, anchor }) => {
    const x = round(at.x + dx);
    const y = round(at.y + dy);
    const left = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
    return {
      label: { text, x, y, anchor },
      // The text's box: from its baseline up by the font size, a little below for descenders.
      box: { x: left - 2, y: y - h + 1, w: w + 4, h: h + 3 },
    };
  });
}

/**
 * Names of areas (countries), centred on their point, largest first, where each fits clear of
 * everything already taken (dots, place labels, the title band) and of each other.
 */
export function placeAreaLabels(
  candidates: { text: string; x: number; y: number; rank: number }[],
  space: {
    width: number;
    height: number;
    fontSize: number;
    taken: Box[];
    dots: LabelSpace['dots'];
  },
): { text: string; x: number; y: number }[] {
  const size = space.fontSize;
  const taken: Box[] = [
    ...space.taken,
    ...space.dots.map((d) => ({ x: d.x - d.r, y: d.y - d.r, w: 2 * d.r, h: 2 * d.r })),
  ];
  const placed: { text: string; x: number; y: number }[] = [];
  for (const c of [...candidates].sort((a, b) => b.rank - a.rank)) {
    const w = c.text.length * size * 0.7;
    const box = { x: c.x - w / 2 - 2, y: c.y - size, w: w + 4, h: size + 4 };
    const inside =
      box.x >= 2 &&
      box.y >= 2 &&
      box.x + box.w <= space.width - 2 &&
      box.y + box.h <= space.height - 2;
    if (!inside || taken.some((t) => overlaps(box, t))) continue;
    taken.push(box);
    placed.push({ text: c.text, x: Math.round(c.x * 10) / 10, y: Math.round(c.y * 10) / 10 });
  }
  return placed;
}
