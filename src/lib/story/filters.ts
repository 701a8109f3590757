/**
 * The one rule for "is this feature shown", in two forms that must agree: a JavaScript predicate
 * for the list, the counts, the selection and the static maps, and a MapLibre filter expression
 * for the map. The expression reads the filters from the map's global state, so a filter change is
 * a few `setGlobalStateProperty` calls, evaluated in the worker, and never a new style.
 * `filters.spec.ts` checks with the style spec's own `featureFilter` that the two agree.
 *
 * A feature is shown when its layer is switched on, its category is switched on (events, routes
 * and links alike) and its period overlaps the date window. A connection is shown only with the
 * events it joins: a line that ends at no marker would point at nothing.
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
  /** A connection's events: it is shown only when they are. */
  joins?: readonly Omit<Filterable, 'joins'>[];
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
 * Whether the filters let a feature show, on the map and in the list.
 *
 * @example
 * isShown({ layer: 'events', category: 'energy', period: ['2015-10-16', '2015-10-16'] },
 *   { window: ['2016-01-01', '2021-12-31'], hiddenLayers: [], hiddenCategories: [] }) // false
 */
export function isShown(item: Filterable, filters: Filters): boolean {
  if (filters.hiddenLayers.includes(item.layer)) return false;
  if (filters.hiddenCategories.includes(item.category)) return false;
  if (!overlaps(item.period, filters.window)) return false;
  return (item.joins ?? []).every((end) => isShown(end, filters));
}

/** The global state the map's filter reads (`filterState` gives its values). */
export const FILTER_STATE = {
  from: 'windowFrom',
  to: 'windowTo',
  hiddenCategories: 'hiddenCategories',
} as const;

/** The filters as the map's global state. (A switched-off layer is hidden by its visibility.) */
export function filterState(filters: Pick<Filters, 'window' | 'hiddenCategories'>) {
  return {
    [FILTER_STATE.from]: filters.window[0],
    [FILTER_STATE.to]: filters.window[1],
    [FILTER_STATE.hiddenCategories]: [...filters.hiddenCategories],
  };
}

/**
 * The prefixes under which the map's copy of a connection carries each event it joins
 * (`from_start`, `from_end`, `from_category`; see `map-data.ts`).
 */
export const JOIN_PREFIXES = ['from', 'to'] as const;

/**
 * The properties a map feature carries for the events a connection joins, so that the filter can
 * read them: `from_start`, `from_end`, `from_category`, then `to_…`.
 *
 * @example
 * joinFields([{ category: 'energy', period: ['2015-10-16', '2015-10-16'] }])
 * // { from_start: '2015-10-16', from_end: '2015-10-16', from_category: 'energy' }
 */
export function joinFields(
  joins: readonly Pick<Filterable, 'category' | 'period'>[],
): Record<string, string> {
  return Object.fromEntries(
    joins.slice(0, JOIN_PREFIXES.length).flatMap((j, i) => {
      const prefix = JOIN_PREFIXES[i]!;
      return [
        [`${prefix}_start`, j.period[0]],
        [`${prefix}_end`, j.period[1]],
        [`${prefix}_category`, j.category],
      ];
    }),
  );
}

const state = (key: string): ExpressionSpecification => ['global-state', key];

function overlapsWindow(start: string, end: string): ExpressionSpecification {
  return [
    'all',
    ['>=', ['get', end], state(FILTER_STATE.from)],
    ['<=', ['get', start], state(FILTER_STATE.to)],
  ];
}

const categoryShown = (property: string): ExpressionSpecification => [
  '!',
  ['in', ['get', property], state(FILTER_STATE.hiddenCategories)],
];

/**
 * The same rule as a filter expression on the map's properties: `period_start`, `period_end` and
 * `category`, and for a connection the events it joins.
 */
export function shownFilter(): ExpressionSpecification {
  return [
    'all',
    overlapsWindow('period_start', 'period_end'),
    categoryShown('category'),
    ...JOIN_PREFIXES.map((p): ExpressionSpecification => [
      'any',
      ['!', ['has', `${p}_category`]],
      ['all', overlapsWindow(`${p}_start`, `${p}_end`), categoryShown(`${p}_category`)],
    ]),
  ];
}
