/**
 * Drawing along a route in the browser: no Turf here, the measures come from the build
 * (`routeMeasures` in `route-draw.ts`).
 */

/** Each position's distance along a line: in km, and as MapLibre's `line-progress` (0–1). */
export interface RouteMeasures {
  km: number[];
  progress: number[];
}

/**
 * MapLibre's `line-progress` (measured on the projected plane) at the point `fraction` of the
 * line's geodesic length from its start. Drawing to this value ends the drawn stretch exactly
 * where the kilometres say, whatever the latitude.
 *
 * @example
 * progressAt({ km: [0, 100, 300], progress: [0, 0.3, 1] }, 0.5) // 0.475 (150 km)
 */
export function progressAt({ km, progress }: RouteMeasures, fraction: number): number {
  const target = Math.min(1, Math.max(0, fraction)) * km.at(-1)!;
  for (let i = 1; i < km.length; i++) {
    if (km[i]! >= target) {
      const t = km[i]! === km[i - 1]! ? 0 : (target - km[i - 1]!) / (km[i]! - km[i - 1]!);
      return progress[i - 1]! + t * (progress[i]! - progress[i - 1]!);
    }
  }
  return 1;
}
