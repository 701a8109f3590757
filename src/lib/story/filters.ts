/**
 * The one rule for "is this feature shown", in two forms that must agree: a JavaScript predicate for
 * the list, the counts and the selection, and a MapLibre filter expression for the map (evaluated
 * in the worker, so filtering never rebuilds a source). `filters.spec.ts` checks that they agree on
 * every feature with the style spec's own `featureFilter`.
 *
 * A feature is shown when its layer is switched on, its category is switched on (events, routes and
 * links alike) and its period overlaps the date window.
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import type { DateWindow } from './url-state';

export interface Filters {
  /** First and last day shown, `YYYY-MM-DD`. */
  window: DateWindow;
  /** Story layers switched off. */
  hiddenLayers: readonly string[];
  /** Categories switched off. */
  hiddenCategories: readonly string[];
}

/** What the rule needs to know of a feature. */
export interface Filterable {
  layer: string;
  category: string;
  /** First and last day the feature covers, `YYYY-MM-DD`. */
  period: readonly [string, string];
}

/**
 * Whether the filters let a feature show, on the map and in the list.
 *
 * @example
 * isShown({ layer: 'events', category: 'energy', period: ['2015-10-16', '2015-10-16'] },
 *   { window: ['2016-01-01', '2021-12-31'], hiddenLayers: [], hiddenCategories: [] }) // false
 */
export function isShown(item: Filterable, filters: Filters): boolean {
  if (filters.hiddenLayers.includes(item.layer)) return false;
  if (filters.hiddenCategories.includes(item.category)) return false;
  return overlaps(item.period, filters.window);
}

/**
 * Whether a period (first and last day, `YYYY-MM-DD`) overlaps a date window: the one rule for
 * "in these dates", wherever features are filtered by date.
 *
 * @example
 * overlaps(['2016-09-24', '2016-10-10'], ['2016-10-01', '2016-12-31']) // true
 */
export function overlaps(
  [start, end]: readonly [string, string],
  [from, to]: readonly [string, string],
): boolean {
  return end >= from && start <= to;
}

/**
 * The same rule as a filter expression on the published properties `period_start`, `period_end`
 * and `category`. (A switched-off layer is hidden with its layers' visibility instead.)
 */
export function storyFilter(
  filters: Pick<Filters, 'window' | 'hiddenCategories'>,
): ExpressionSpecification {
  const all: ExpressionSpecification[] = [
    ['>=', ['get', 'period_end'], filters.window[0]],
    ['<=', ['get', 'period_start'], filters.window[1]],
  ];
  if (filters.hiddenCategories.length) {
    all.push(['!', ['in', ['get', 'category'], ['literal', [...filters.hiddenCategories]]]]);
  }
  return ['all', ...all];
}
