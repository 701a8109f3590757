/**
 * "Download image": the current map view as a PNG, at twice its pixel size, with what a picture
 * pasted into a slide deck or an article needs drawn into it: the title, a legend of what is
 * visible, the date window, a scale bar and the credits. The title and credits are also written
 * into the PNG's own text fields. No MapLibre here: StoryMap renders the map, this draws on it.
 */

export interface ImageDetails {
  title: string;
  /** The date window as a reader says it, e.g. "2015–2021". */
  dates: string;
  /** What is visible: a swatch each. */
  legend: { label: string; color: string; kind: 'point' | 'line' }[];
  credits: string;
  /** Metres per CSS pixel at the map's centre, for the scale bar. */
  metresPerPixel: number;
}

/** The longest round distance (1, 2 or 5 × 10ⁿ metres) that fits in `maxPx`, and its width. */
export function scaleBar(metresPerPixel: number, maxPx = 120): { label: string; px: number } {
  const maxMetres = metresPerPixel * maxPx;
  const power = 10 ** Math.floor(Math.log10(maxMetres));
  const step = [5, 2, 1].map((m) => m * power).find((m) => m <= maxMetres) ?? power;
  const label = step >= 1000 ? `${(step / 1000).toLocaleString('en')} km` : `${step} m`;
  return { label, px: step / metresPerPixel };
}

/**
 * Draws the map image (already at `ratio` × its CSS size) with its title band, legend, scale bar
 * and credits onto a new canvas of the same size.
 */
export function composeImage(
  map: HTMLCanvasElement,
  details: ImageDetails,
  ratio: number,
): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = map.width;
  canvas.height = map.height;
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(map, 0, 0);
  ctx.scale(ratio, ratio);
  const width = map.width / ratio;
  const height = map.height / ratio;
  const font = (size: number, weight = 400) =>
    `${weight} ${size}px "Noto Sans", system-ui, -apple-system, "Segoe UI", sans-serif`;
  const panel = 'rgba(255, 255, 255, 0.92)';
  const ink = '#1d1d1f';
  const muted = '#55514a';

  // Title band, with the date window under the title.
  ctx.fillStyle = panel;
  ctx.fillRect(0, 0, width, 50);
  ctx.fillStyle = ink;
  ctx.font = font(17, 700);
  ctx.textBaseline = 'alphabetic';
  ctx.fillText(fit(ctx, details.title, width - 24), 12, 22);
  ctx.fillStyle = muted;
  ctx.font = font(12.5);
  ctx.fillText(`Dates shown: ${details.dates}`, 12, 41);

  // Legend, top right under the band.
  if (details.legend.length) {
    ctx.font = font(12);
    const rows = details.legend;
    const boxWidth = Math.max(...rows.map((r) => ctx.measureText(r.label).width)) + 44;
    const x = width - boxWidth - 10;
    const y = 60;
    ctx.fillStyle = panel;
    ctx.fillRect(x, y, boxWidth, rows.length * 18 + 10);
    rows.forEach((row, i) => {
      const cy = y + 14 + i * 18;
      ctx.fillStyle = row.color;
      ctx.strokeStyle = row.color;
      if (row.kind === 'point') {
        ctx.beginPath();
        ctx.arc(x + 16, cy, 5, 0, Math.PI * 2);
        ctx.fill();
      } else {
        ctx.lineWidth = 3;
        ctx.beginPath();
        ctx.moveTo(x + 8, cy);
        ctx.lineTo(x + 26, cy);
        ctx.stroke();
      }
      ctx.fillStyle = ink;
      ctx.fillText(row.label, x + 34, cy + 4);
    });
  }

  // Scale bar, bottom left; credits, bottom right.
  const scale = scaleBar(details.metresPerPixel);
  ctx.fillStyle = panel;
  ctx.fillRect(8, height - 30, scale.px + 16, 22);
  ctx.strokeStyle = ink;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  ctx.moveTo(16, height - 20);
  ctx.lineTo(16, height - 14);
  ctx.lineTo(16 + scale.px, height - 14);
  ctx.lineTo(16 + scale.px, height - 20);
  ctx.stroke();
  ctx.fillStyle = ink;
  ctx.font = font(11);
  ctx.fillText(scale.label, 20, height - 18);

  ctx.font = font(11);
  const credits = fit(ctx, details.credits, width - scale.px - 60);
  const creditWidth = ctx.measureText(credits).width;
  ctx.fillStyle = panel;
  ctx.fillRect(width - creditWidth - 18, height - 24, creditWidth + 12, 18);
  ctx.fillStyle = muted;
  ctx.fillText(credits, width - creditWidth - 12, height - 11);
  return canvas;
}

/** Shortens a text with an ellipsis to fit a width. */
function fit(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let cut = text;
  while (cut.length > 1 && ctx.measureText(`${cut}…`).width > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
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
