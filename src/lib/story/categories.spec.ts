import { describe, expect, it } from 'vitest';
import {
  categoryContrastProblems,
  contrastRatio,
  DEFAULT_CATEGORIES,
  SYMBOL_CONTRAST,
} from './categories';

describe('category colours', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('gives every default category 3:1 on the light and dark maps and panels', () => {
    for (const category of DEFAULT_CATEGORIES) {
      expect(categoryContrastProblems(category), category.id).toEqual([]);
    }
  });

  it('names the failing surface and the ratio for a pale colour and a dark one', () => {
    const pale = categoryContrastProblems({ id: 'x', label: 'x', color: '#a5d6a7' });
    expect(pale[0]).toMatch(
      /#a5d6a7 has a contrast of 1\.\d\d:1 against the light map's land \(#f6f3ec\); map symbols need 3:1 — choose a darker colour/,
    );
    const dark = categoryContrastProblems({ id: 'x', label: 'x', color: '#1b3a1c' });
    expect(dark.join('\n')).toMatch(/against the dark map's land .* — choose a lighter colour/);
    expect(SYMBOL_CONTRAST).toBe(3);
  });
});

describe("a story's own categories in its view", () => {
  it('colour and label every item, and list only the categories in use', async () => {
    const path = await import('node:path');
    const { compileStory } = await import('$lib/server/story/compile');
    const { storyView } = await import('$lib/server/story/story-view');
    const view = storyView(
      compileStory(path.resolve('tests/fixtures/stories/offshore-pipeline')).story!,
    );
    expect(view.categories.map((c) => c.id)).toEqual(['environment', 'energy', 'diplomacy']);
    const rupture = view.items.find((i) => i.id === 'rupture-at-sea')!;
    expect(rupture).toMatchObject({
      category: 'environment',
      categoryLabel: 'Environment',
      color: '#3d8c41',
      country: "Denmark's exclusive economic zone",
    });
  });
});
