/**
 * Step 3 of a compile: each feature's properties against its layer kind's schema, its category,
 * its dates and (events) where it lies. Sources on the weak-source list are warnings.
 */
import type { Point } from 'geojson';
import * as v from 'valibot';
import { dateProblem, endOf, startOf, writtenPrecision } from '$lib/story/dates';
import {
  describeIssues,
  PROPERTIES_BY_KIND,
  type EventProperties,
  type LinkProperties,
  type RouteProperties,
  type Source,
} from '$lib/story/schema';
import { checkGeography } from './geography';
import type { RawFeature } from './read-layers';
import type { Reporter } from './reporter';
import { weakSourceOf } from './weak-sources';

export type FeatureProperties = EventProperties | RouteProperties | LinkProperties;

/** A feature whose properties passed every check. */
export interface ParsedFeature {
  raw: RawFeature;
  props: FeatureProperties;
}

/** The features with valid properties, by id, in the order they were read. */
export function parseFeatures(
  raws: RawFeature[],
  categoryIds: ReadonlySet<string>,
  report: Reporter,
): Map<string, ParsedFeature> {
  const parsed = new Map<string, ParsedFeature>();
  for (const raw of raws) {
    const fail = report.about(raw.file, raw.id);
    const result = v.safeParse(PROPERTIES_BY_KIND[raw.layer.kind], raw.feature.properties ?? {});
    if (!result.success) {
      for (const issue of describeIssues(result.issues)) {
        fail(`properties.${issue} — fix the value in the feature's "properties"`);
      }
      continue;
    }
    const props = result.output;
    for (const message of weakSourceWarnings(props)) report.warn(raw.file, raw.id, message);
    const before = report.count;
    if (!categoryIds.has(props.category)) {
      fail(
        `properties.category "${props.category}" is not one of this story's categories (${[...categoryIds].join(', ')}) — use one of them, or declare it in story.json "categories"`,
      );
    }
    checkDates(props, fail);
    if (raw.layer.kind === 'events') {
      checkGeography(raw.feature.geometry as Point, props as EventProperties, fail);
    }
    if (report.count === before) parsed.set(raw.id, { raw, props });
  }
  return parsed;
}

/**
 * One warning for each source, or timeline entry's source, on the weak-source list. A source the
 * author marked `secondary: true` is exempt: it says no original was found, and the panel labels it.
 */
function weakSourceWarnings(props: {
  sources: Source[];
  timeline?: { source?: Source }[];
}): string[] {
  const all = [...props.sources, ...(props.timeline ?? []).flatMap((t) => t.source ?? [])];
  return all.flatMap((source) => {
    if (typeof source !== 'string' && source.secondary) return [];
    const weak = weakSourceOf(typeof source === 'string' ? source : source.url);
    return weak
      ? [
          `source ${weak.domain} is on the weak-source list (${weak.reason}) — cite the original report`,
        ]
      : [];
  });
}

function checkDates(
  props: { date: string; date_precision: string; date_end?: string; timeline?: { date: string }[] },
  fail: (message: string) => void,
): void {
  const dates = [props.date, props.date_end, ...(props.timeline ?? []).map((t) => t.date)];
  for (const d of dates) {
    if (d === undefined) continue;
    const problem = dateProblem(d);
    if (problem) fail(`the date ${d} is not valid: ${problem} — write a real date`);
  }
  if (writtenPrecision(props.date) !== props.date_precision) {
    fail(
      `date "${props.date}" is written to the ${writtenPrecision(props.date)} but date_precision is "${props.date_precision}" — make them agree`,
    );
  }
  if (props.date_end && endOf(props.date_end) < startOf(props.date)) {
    fail(`date_end ${props.date_end} is before date ${props.date} — swap them or fix one`);
  }
}
