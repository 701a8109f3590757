/**
 * The explore view's state: selection, hover, date window, layer and category toggles. Every
 * shell (explore, embed, briefing) drives one StoryMap through an instance of this class.
 */
import { DE_FACTO_TOGGLE } from '$lib/map/style';
import type { Category } from '$lib/story/schema';
import type { DateWindow, ViewContext, ViewState } from '$lib/story/url-state';
import type { StoryItem, StoryView } from '$lib/story/view';

export interface Choice {
  ids: string[];
  x: number;
  y: number;
}

export class ExploreState {
  selected: string | null = $state(null);
  hovered: string | null = $state(null);
  window: DateWindow = $state(['', '']);
  hiddenLayers: string[] = $state([]);
  hiddenCategories: Category[] = $state([]);
  /** Several features under one click: the reader picks one. */
  choice: Choice | null = $state(null);
  /** A request to the map to bring a feature into view; `n` makes repeated requests distinct. */
  focus: { id: string; n: number } | null = $state(null);

  readonly items: StoryItem[];
  readonly byId: Map<string, StoryItem>;
  readonly context: ViewContext;
  readonly toggles: { id: string; title: string }[];

  // The maps and sets below are built once from the view and never mutated: no reactivity needed.
  /* eslint-disable svelte/prefer-svelte-reactivity */
  constructor(view: StoryView) {
    this.items = view.items;
    this.byId = new Map(view.items.map((i) => [i.id, i]));
    this.toggles = [
      ...view.layers.filter((l) => l.kind !== 'events').map((l) => ({ id: l.id, title: l.title })),
      ...(view.deFacto ? [{ id: DE_FACTO_TOGGLE, title: view.deFacto.toggle }] : []),
    ];
    const used = new Set(view.items.filter((i) => i.kind === 'events').map((i) => i.category));
    this.context = {
      ids: new Set(this.byId.keys()),
      toggles: this.toggles.map((t) => t.id),
      categories: view.categories.map((c) => c.id).filter((c) => used.has(c)),
      extent: view.extent,
    };
    this.window = [...view.extent];
  }
  /* eslint-enable svelte/prefer-svelte-reactivity */

  get selectedItem(): StoryItem | null {
    return this.selected ? (this.byId.get(this.selected) ?? null) : null;
  }

  /** Whether the current filters let an item show, on the map and in the list. */
  isShown(item: StoryItem): boolean {
    if (this.hiddenLayers.includes(item.layer)) return false;
    if (item.kind === 'events' && this.hiddenCategories.includes(item.category)) return false;
    return item.period[1] >= this.window[0] && item.period[0] <= this.window[1];
  }

  shownItems = $derived.by(() => this.items.filter((i) => this.isShown(i)));

  /** Selects a feature; `show` also moves the map to it. Unknown ids are ignored. */
  select(id: string, { show = true } = {}): void {
    if (!this.byId.has(id)) return;
    this.selected = id;
    this.choice = null;
    if (show) this.focus = { id, n: (this.focus?.n ?? 0) + 1 };
  }

  /**
   * A click on the map hit these features (topmost first). None clears the selection; one selects
   * it (moving the map only when `covered`, i.e. the click lies under an overlay); several open a
   * chooser at the click.
   */
  pick(ids: string[], point: { x: number; y: number }, covered = false): void {
    const shown = ids.filter((id) => {
      const item = this.byId.get(id);
      return item !== undefined && this.isShown(item);
    });
    if (shown.length === 0) this.clear();
    else if (shown.length === 1) this.select(shown[0]!, { show: covered });
    else this.choice = { ids: shown, x: point.x, y: point.y };
  }

  clear(): void {
    this.selected = null;
    this.choice = null;
  }

  toggleLayer(id: string, on: boolean): void {
    this.hiddenLayers = on ? this.hiddenLayers.filter((l) => l !== id) : [...this.hiddenLayers, id];
  }

  toggleCategory(category: Category, on: boolean): void {
    this.hiddenCategories = on
      ? this.hiddenCategories.filter((c) => c !== category)
      : [...this.hiddenCategories, category];
  }

  get view(): ViewState {
    return {
      event: this.selected,
      window: this.window,
      hiddenLayers: this.hiddenLayers,
      hiddenCategories: this.hiddenCategories,
    };
  }

  apply(view: ViewState): void {
    this.window = view.window;
    this.hiddenLayers = view.hiddenLayers;
    this.hiddenCategories = view.hiddenCategories;
    if (view.event) this.select(view.event);
    else this.clear();
  }
}
