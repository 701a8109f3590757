import type { LayerKind } from './schema';

const NOUNS: Record<LayerKind, [one: string, many: string]> = {
  events: ['event', 'events'],
  routes: ['route', 'routes'],
  links: ['connection', 'connections'],
};

/**
 * What a story holds, in the words every page uses: events, routes and connections, each counted
 * on its own so that the home page and the story page agree.
 *
 * @example featureCountSummary([{ kind: 'events', count: 27 }, { kind: 'routes', count: 1 }])
 * // "27 events, 1 route"
 */
export function featureCountSummary(layers: readonly { kind: LayerKind; count: number }[]): string {
  return (Object.keys(NOUNS) as LayerKind[])
    .map(
      (kind) =>
        [kind, layers.filter((l) => l.kind === kind).reduce((n, l) => n + l.count, 0)] as const,
    )
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${count} ${NOUNS[kind][count === 1 ? 0 : 1]}`)
    .join(', ');
}
