/**
 * The published story's sources are ones a reader can weigh: each names its outlet and title, none
 * is on the weak-source list unless marked secondary, and the pipeline's timeline cites each step.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileStory, formatProblem } from '../../src/lib/server/story/compile';
import type { RouteProperties, Source } from '../../src/lib/story/schema';
import { weakSourceOf } from '../../src/lib/server/story/weak-sources';

const { story, problems, warnings } = compileStory(path.resolve('geo/pakistan-russia'));
const features = story?.layers.flatMap((l) => l.data.features) ?? [];
const everySource = features.flatMap((f) => {
  const p = f.properties as { sources: Source[]; timeline?: { source?: Source }[] };
  return [...p.sources, ...(p.timeline ?? []).flatMap((t) => t.source ?? [])].map((source) => ({
    id: f.id as string,
    source,
  }));
});

describe('geo/pakistan-russia sources', () => {
  it('compiles with no weak-source warnings', () => {
    expect(problems.map(formatProblem)).toEqual([]);
    expect(warnings.map(formatProblem)).toEqual([]);
  });

  it('gives every source an outlet and a title', () => {
    expect(everySource.length).toBeGreaterThan(90);
    const bare = everySource.filter(
      ({ source }) => typeof source === 'string' || !source.outlet || !source.title,
    );
    expect(bare.map(({ id, source }) => `${id}: ${JSON.stringify(source)}`)).toEqual([]);
  });

  it('keeps a listed domain only where it is marked secondary', () => {
    const listed = everySource.filter(({ source }) =>
      weakSourceOf(typeof source === 'string' ? source : source.url),
    );
    for (const { id, source } of listed) {
      expect(typeof source === 'string' ? false : source.secondary, id).toBe(true);
    }
    // The one kept: the only copy found of a Soviet reference list dating the 1965 agreement.
    expect(listed.map(({ id }) => id)).toEqual(['pak-ussr-cultural-agreement-1965']);
  });

  it('cites a source for the pipeline timeline from July 2021 on', () => {
    const pipeline = features.find((f) => f.id === 'north-south-gas-pipeline')!
      .properties as RouteProperties;
    const late = pipeline.timeline.filter((t) => t.date >= '2021-07');
    expect(late.map((t) => t.date)).toEqual(['2021-07-15', '2022-02-24', '2023-10']);
    for (const entry of late) expect(entry.source, entry.date).toBeDefined();
  });
});
