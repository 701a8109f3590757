/**
 * "Download image": the view as a PNG, at twice its pixel size, laid out as a figure that can be
 * pasted into a deck or an article without losing what it needs: a title band above the map
 * (the story, the view, the dates), the map itself with nothing drawn over it, then the legend of
 * what the map shows, the scale bar and the credits, wrapped to the image's width. The boxes take
 * the page's colours in the reader's theme. Title and credits are also written into the PNG's own
 * text fields. No MapLibre here: StoryMap renders the map, this lays it out.
 */
import { swatchShapes, SWATCH, type LegendRow, type SwatchShape } from '$lib/symbology/legend';
import { PAGE_PALETTE, type Theme } from '$lib/symbology/symbology';

export interface ImageDetails {
  /** The story's title. */
  title: string;
  /** What the view is: a chapter's or a slide's title, or the selected feature's. */
  view?: string;
  /** The date window as a reader says it, e.g. "2015–2021". */
  dates: string;
  /** What the map shows: one row each. */
  legend: LegendRow[];
  credits: string;
  /** Metres per CSS pixel at the map's centre, for the scale bar. */
  metresPerPixel: number;
  theme: Theme;
}

/** The longest round distance (1, 2 or 5 × 10ⁿ metres) that fits in `maxPx`, and its width. */
export function scaleBar(metresPerPixel: number, maxPx = 120): { label: string; px: number } {
  const maxMetres = metresPerPixel * maxPx;
  const power = 10 ** Math.floor(Math.log10(maxMetres));
  const step = [5, 2, 1].map((m) => m * power).find((m) => m <= maxMetres) ?? power;
  const label = step >= 1000 ? `${(step / 1000).toLocaleString('en')} km` : `${step} m`;
  return { label, px: step / metresPerPixel };
}

const MARGIN = 12;
const font = (size: number, weight = 400) =>
  `${weight} ${size}px "Noto Sans", system-ui, -apple-system, "Segoe UI", sans-serif`;

/**
 * Lines of at most `width` pixels; a word longer than a line (an address) is broken, never cut.
 *
 * @example
 * wrapText(ctx, 'Events and their sources: maps.example/pakistan-russia/', 120) // two or more lines
 */
export function wrapText(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/(?<=\s)/)) {
    if (ctx.measureText(line + word).width <= width) {
      line += word;
      continue;
    }
    if (line) lines.push(line.trimEnd());
    line = '';
    for (const char of word) {
      if (line && ctx.measureText(line + char).width > width) {
        lines.push(line);
        line = '';
      }
      line += char;
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

interface Block {
  height: number;
  draw: (ctx: CanvasRenderingContext2D, top: number) => void;
}

/** Text wrapped to the image's width, in one font and colour. */
function textBlock(
  ctx: CanvasRenderingContext2D,
  text: string,
  {
    size,
    weight = 400,
    color,
    width,
  }: { size: number; weight?: number; color: string; width: number },
): Block {
  ctx.font = font(size, weight);
  const lines = wrapText(ctx, text, width - 2 * MARGIN);
  const lineHeight = Math.round(size * 1.35);
  return {
    height: lines.length * lineHeight,
    draw: (c, top) => {
      c.font = font(size, weight);
      c.fillStyle = color;
      lines.forEach((l, i) => c.fillText(l, MARGIN, top + (i + 1) * lineHeight - size * 0.3));
    },
  };
}

/** The legend's rows, flowing left to right and wrapping. */
function legendBlock(ctx: CanvasRenderingContext2D, details: ImageDetails, width: number): Block {
  const ink = PAGE_PALETTE[details.theme].text;
  ctx.font = font(12);
  const rowHeight = SWATCH.height + 4;
  const placed: { row: LegendRow; x: number; y: number }[] = [];
  let [x, y] = [MARGIN, 0];
  for (const row of details.legend) {
    const w = SWATCH.width + 6 + Math.min(ctx.measureText(row.label).width, width - 60) + 18;
    if (x + w > width - MARGIN && x > MARGIN) [x, y] = [MARGIN, y + rowHeight];
    placed.push({ row, x, y });
    x += w;
  }
  return {
    height: details.legend.length ? y + rowHeight : 0,
    draw: (c, top) => {
      c.font = font(12);
      for (const { row, x, y } of placed) {
        drawSwatch(c, swatchShapes(row.symbol, details.theme), x, top + y);
        c.fillStyle = ink;
        const label = wrapText(c, row.label, width - x - SWATCH.width - 2 * MARGIN)[0] ?? '';
        c.fillText(label, x + SWATCH.width + 6, top + y + SWATCH.height / 2 + 4);
      }
    },
  };
}

/** A legend swatch drawn on a canvas, with its top left corner at (x, y). */
export function drawSwatch(
  ctx: CanvasRenderingContext2D,
  shapes: SwatchShape[],
  x: number,
  y: number,
) {
  for (const s of shapes) {
    ctx.save();
    ctx.translate(x, y);
    if (s.type === 'circle') {
      ctx.globalAlpha = s.opacity ?? 1;
      ctx.beginPath();
      ctx.arc(s.cx, s.cy, s.r, 0, Math.PI * 2);
      ctx.fillStyle = s.fill;
      ctx.fill();
      if (s.stroke) {
        ctx.lineWidth = s.strokeWidth ?? 1;
        ctx.strokeStyle = s.stroke;
        ctx.stroke();
      }
    } else {
      ctx.lineWidth = s.strokeWidth;
      ctx.strokeStyle = s.stroke;
      ctx.setLineDash(s.dash ?? []);
      ctx.stroke(new Path2D(s.d));
    }
    ctx.restore();
  }
}

/** The scale bar, with its label. */
function scaleBlock(details: ImageDetails): Block {
  const ink = PAGE_PALETTE[details.theme].text;
  const scale = scaleBar(details.metresPerPixel);
  return {
    height: 22,
    draw: (c, top) => {
      const y = top + 14;
      c.strokeStyle = ink;
      c.lineWidth = 1.5;
      c.beginPath();
      c.moveTo(MARGIN, y - 6);
      c.lineTo(MARGIN, y);
      c.lineTo(MARGIN + scale.px, y);
      c.lineTo(MARGIN + scale.px, y - 6);
      c.stroke();
      c.fillStyle = ink;
      c.font = font(11);
      c.fillText(scale.label, MARGIN + scale.px + 8, y);
    },
  };
}

/**
 * The figure: the map image (`map`, already cropped and at `ratio` × its CSS size) between a
 * title band and a band with the legend, the scale bar and the credits.
 */
export function composeImage(
  map: HTMLCanvasElement,
  details: ImageDetails,
  ratio: number,
): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d')!;
  const width = map.width / ratio;
  const page = PAGE_PALETTE[details.theme];
  const head = [
    textBlock(ctx, details.title, { size: 17, weight: 700, color: page.text, width }),
    ...(details.view ? [textBlock(ctx, details.view, { size: 14, color: page.text, width })] : []),
    textBlock(ctx, `Dates shown: ${details.dates}`, { size: 12.5, color: page.muted, width }),
  ];
  const foot = [
    legendBlock(ctx, details, width),
    scaleBlock(details),
    textBlock(ctx, details.credits, { size: 11, color: page.muted, width }),
  ];
  const stack = (blocks: Block[]) => blocks.reduce((h, b) => h + b.height + 6, MARGIN);
  const headHeight = stack(head);
  const mapHeight = map.height / ratio;
  const footHeight = stack(foot);
  canvas.width = map.width;
  canvas.height = Math.ceil((headHeight + mapHeight + footHeight) * ratio);
  ctx.scale(ratio, ratio);
  ctx.fillStyle = page.bg;
  ctx.fillRect(0, 0, width, canvas.height / ratio);
  let top = MARGIN;
  for (const block of head) {
    block.draw(ctx, top);
    top += block.height + 6;
  }
  ctx.drawImage(map, 0, headHeight, width, mapHeight);
  top = headHeight + mapHeight + MARGIN;
  for (const block of foot) {
    block.draw(ctx, top);
    top += block.height + 6;
  }
  return canvas;
}

/** CRC-32 of PNG chunks. */
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * Adds text fields (`tEXt` chunks: Title, Copyright…) to a PNG, after its header chunk. Latin-1
 * only, as the PNG format says; other characters are replaced.
 */
export function withPngText(png: Uint8Array, fields: Record<string, string>): Uint8Array {
  const chunks: Uint8Array[] = [];
  for (const [key, value] of Object.entries(fields)) {
    const text = `${key}\0${value}`.replace(/[^\x20-\xff\0]/g, '?');
    const data = Uint8Array.from(text, (c) => c.charCodeAt(0));
    const chunk = new Uint8Array(12 + data.length);
    const view = new DataView(chunk.buffer);
    view.setUint32(0, data.length);
    chunk.set([0x74, 0x45, 0x58, 0x74], 4); // "tEXt"
    chunk.set(data, 8);
    view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
    chunks.push(chunk);
  }
  const headerEnd = 8 + 25; // signature + IHDR (length, type, 13 bytes, CRC)
  const total = png.length + chunks.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(total);
  out.set(png.subarray(0, headerEnd));
  let at = headerEnd;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  out.set(png.subarray(headerEnd), at);
  return out;
}
