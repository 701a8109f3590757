/**
 * The commands a host page may send an embed (see `./protocol`), as a schema: a message is one of
 * them exactly, or it is ignored.
 */
import * as v from 'valibot';
import { PARTIAL_DATE } from '$lib/story/patterns';
import { isFeatureId } from './protocol';

const FeatureId = v.pipe(
  v.string(),
  v.check<string>((id) => isFeatureId(id)),
);
const Partial = v.pipe(v.string(), v.regex(PARTIAL_DATE));

export const HostCommand = v.variant('type', [
  v.strictObject({ type: v.literal('storymap:select'), id: FeatureId }),
  v.strictObject({ type: v.literal('storymap:clear') }),
  v.strictObject({ type: v.literal('storymap:setDateWindow'), from: Partial, to: Partial }),
  v.strictObject({ type: v.literal('storymap:setChapter'), chapter: FeatureId }),
]);
export type HostCommand = v.InferOutput<typeof HostCommand>;

/** A command from the host page, or null for anything that is not exactly one. */
export function parseHostCommand(data: unknown): HostCommand | null {
  const result = v.safeParse(HostCommand, data);
  return result.success ? result.output : null;
}
