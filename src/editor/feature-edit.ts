/** Changes to one feature of a layer file, each an undoable step of the draft. */
import type { StoryDraft } from './draft.svelte';
import type { DraftFeature } from './model';

/** Changes one feature in place; typing in one `field` makes one step. */
export function editFeature(
  draft: StoryDraft,
  file: string,
  id: string,
  field: string,
  change: (feature: DraftFeature) => void,
): void {
  draft.change(
    file,
    (fc) => {
      const feature = (fc as { features: DraftFeature[] }).features.find((f) => f.id === id);
      if (feature) change(feature);
    },
    `${id}:${field}`,
  );
}

/** Sets one property; an empty value removes it, so optional fields are left out, not blank. */
export function setProperty(
  draft: StoryDraft,
  file: string,
  id: string,
  key: string,
  value: unknown,
): void {
  editFeature(draft, file, id, key, (f) => {
    if (value === '' || value === undefined) delete f.properties[key];
    else f.properties[key] = value;
  });
}
