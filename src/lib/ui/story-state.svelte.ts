/**
 * The one state of a story on a page, whatever the mode (explore, embed, story, slides):
 * selection, hover, date window, layer and category toggles, the chooser, and the camera
 * requests. Every shell builds one instance, puts it in context with `setStoryState`, and only
 * lays things out around it.
 *
 * The camera is directed here and applied in one place (StoryMap): a request carries a sequence
 * number and is applied once, when it arrives. Nothing else (layout, padding, theme, a closed panel)
 * ever moves the camera, so the map never flies back to an earlier request.
 */
import { createContext } from 'svelte';
import { DE_FACTO } from '$lib/basemap/disputed';
import type { Bounds, CameraRequest, CameraTarget } from '$lib/geo/camera';
import { isShown } from '$lib/story/filters';
import type { Category } from '$lib/story/schema';
import type { DateWindow, MapView, ViewContext, ViewState } from '$lib/story/url-state';
import type { StoryItem, StoryView } from '$lib/story/view';

export interface Choice {
  ids: string[];
  x: number;
  y: number;
}

export class StoryState {
  selected: string | null = $state(null);
  hovered: string | null = $state(null);
  window: DateWindow = $state(['', '']);
  hiddenLayers: string[] = $state([]);
  hiddenCategories: Category[] = $state([]);
  /** Several features under one click: the reader picks one. */
  choice: Choice | null = $state(null);
  /** The latest camera request. */
  camera: CameraRequest | null = $state.raw(null);
  /** The camera as the map last came to rest after a move (the URL's `map=`), null until then. */
  mapView: MapView | null = $state.raw(null);
  /** Whether the latest change of selection was the reader's own (a new history entry). */
  readerSelected = false;

  readonly items: StoryItem[];
  readonly byId: Map<string, StoryItem>;
  readonly context: ViewContext;
  readonly toggles: { id: string; title: string }[];
  /** The story's default camera. */
  readonly home: Bounds;

  // The maps and sets below are built once from the view and never mutated: no reactivity needed.
  /* eslint-disable svelte/prefer-svelte-reactivity */
  constructor(view: StoryView) {
    this.items = view.items;
    this.byId = new Map(view.items.map((i) => [i.id, i]));
    this.home = view.meta.camera.bounds;
    this.toggles = [
      ...view.layers.filter((l) => l.kind !== 'events').map((l) => ({ id: l.id, title: l.title })),
      ...(view.deFacto ? [{ id: DE_FACTO, title: view.deFacto.toggle }] : []),
    ];
    const used = new Set(view.items.map((i) => i.category));
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
    return isShown(item, this);
  }

  shownItems = $derived.by(() => this.items.filter((i) => this.isShown(i)));

  /**
   * Asks the map to move. Only the map applies it, once. `keep`: features that must end up in
   * view with their labels (a chapter's focus), the frame widening for them where it must.
   */
  moveCamera(
    target: CameraTarget,
    {
      animate = true,
      ifNeeded = false,
      keep = [],
      asOpened = false,
    }: { animate?: boolean; ifNeeded?: boolean; keep?: readonly string[]; asOpened?: boolean } = {},
  ): void {
    this.camera = { seq: (this.camera?.seq ?? 0) + 1, target, keep, animate, ifNeeded, asOpened };
  }

  /** Back to the story's default view. */
  resetCamera(): void {
    this.moveCamera({ type: 'bounds', bounds: this.home }, { asOpened: true });
  }

  /**
   * Selects a feature. `show` moves the map to it (`'if-needed'`: only when it is not already in
   * full view); `reader` marks the reader's own choice, which gets its own history entry. A
   * feature the filters hide is first let through them, so a selection never points at nothing.
   * Unknown ids are ignored.
   */
  select(
    id: string,
    { show = true, reader = false }: { show?: boolean | 'if-needed'; reader?: boolean } = {},
  ): void {
    const item = this.byId.get(id);
    if (!item) return;
    this.reveal(item);
    this.selected = id;
    this.choice = null;
    this.readerSelected = reader;
    if (show) this.moveCamera({ type: 'feature', id }, { ifNeeded: show === 'if-needed' });
  }

  /** Loosens the filters just enough for an item (and the events it joins) to show. */
  private reveal(item: StoryItem): void {
    if (this.isShown(item)) return;
    for (const f of [item, ...(item.joins ?? [])]) {
      this.hiddenLayers = this.hiddenLayers.filter((l) => l !== f.layer);
      this.hiddenCategories = this.hiddenCategories.filter((c) => c !== f.category);
      const [from, to] = this.window;
      this.window = [f.period[0] < from ? f.period[0] : from, f.period[1] > to ? f.period[1] : to];
    }
  }

  /**
   * A click on the map hit these features (topmost first). None clears the selection; one selects
   * it, moving the map only if the feature is not in full view (an arc's far end, a pin under the
   * panel); several open a chooser at the click.
   */
  pick(ids: string[], point: { x: number; y: number }): void {
    const shown = ids.filter((id) => {
      const item = this.byId.get(id);
      return item !== undefined && this.isShown(item);
    });
    if (shown.length === 0) this.clear();
    else if (shown.length === 1) this.select(shown[0]!, { show: 'if-needed', reader: true });
    else this.choice = { ids: shown, x: point.x, y: point.y };
  }

  /** Closes the selection. The camera stays where it is. */
  clear(): void {
    this.selected = null;
    this.choice = null;
    this.readerSelected = false;
  }

  toggleLayer(id: string, on: boolean): void {
    this.hiddenLayers = on ? this.hiddenLayers.filter((l) => l !== id) : [...this.hiddenLayers, id];
    this.closeIfHidden();
  }

  toggleCategory(category: Category, on: boolean): void {
    this.hiddenCategories = on
      ? this.hiddenCategories.filter((c) => c !== category)
      : [...this.hiddenCategories, category];
    this.closeIfHidden();
  }

  setWindow(window: DateWindow): void {
    this.window = window;
    this.closeIfHidden();
  }

  /** Shows every category, layer and year again. */
  resetFilters(): void {
    this.hiddenLayers = [];
    this.hiddenCategories = [];
    this.window = [...this.context.extent];
  }

  /** When the reader filters the selected feature away, its narrative closes with it. */
  private closeIfHidden(): void {
    const item = this.selectedItem;
    if (item && !this.isShown(item)) this.clear();
  }

  get view(): ViewState {
    return {
      event: this.selected,
      window: this.window,
      hiddenLayers: this.hiddenLayers,
      hiddenCategories: this.hiddenCategories,
      map: this.mapView,
    };
  }

  /**
   * Applies a view read from the URL: on load (`animate` false: the camera jumps) or on Back and
   * Forward. A recorded camera (`map=`) wins over framing the event; a view from history with
   * neither returns to the story's default camera. An event the URL's own filters would hide is
   * let through them.
   */
  apply(view: ViewState, { fromHistory = false } = {}): void {
    this.window = view.window;
    this.hiddenLayers = view.hiddenLayers;
    this.hiddenCategories = view.hiddenCategories;
    if (view.event) this.select(view.event, { show: false });
    else this.clear();
    this.mapView = view.map ?? null;
    const target: CameraTarget | null = view.map
      ? { type: 'view', center: view.map.center, zoom: view.map.zoom, padded: false }
      : view.event
        ? { type: 'feature', id: view.event }
        : fromHistory
          ? { type: 'bounds', bounds: this.home }
          : null;
    // A shared camera opened on a smaller screen still shows the selected feature.
    const keep = view.map && view.event ? [view.event] : [];
    // Back to the overview is the story's whole view, as the map opened on it.
    const asOpened = !view.map && !view.event;
    if (target) this.moveCamera(target, { animate: fromHistory, keep, asOpened });
  }
}

/** The story state of the page, shared by every component of a shell. */
export const [getStoryState, setStoryState] = createContext<StoryState>();
