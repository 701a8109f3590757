/**
 * One story being edited: its files as the editor holds them, what is not yet on disk, undo and
 * redo, and the validator's latest verdict.
 *
 * Each file is held parsed (JSON files as objects, Markdown as text) and changed in place, so
 * its keys keep their order and a write changes only what was edited. A change is journaled
 * (`journal.ts`) at once and written a moment later; a write that the file on disk has moved
 * past is refused by the server and shown as a conflict, never forced.
 */
import { SvelteSet } from 'svelte/reactivity';
import { api, ApiError, type StoryCheck, type StoryFileText } from './api';
import { journal, type JournalEntry } from './journal';

/** How long the editor waits after the last change before writing it. */
export const WRITE_DELAY_MS = 500;

export type FileValue = unknown;

interface HistoryStep {
  file: string;
  before: FileValue;
  after: FileValue;
  /** Typing in one field makes one step, not one per key (see `change`). */
  field?: string;
  at: number;
}

/** Keystrokes in one field this close together are undone together. */
const TYPING_MS = 1500;

export interface Conflict {
  file: string;
  message: string;
  disk: StoryFileText | null;
}

const isText = (file: string) => file.endsWith('.md');
const parse = (file: string, text: string): FileValue => (isText(file) ? text : JSON.parse(text));
const copy = <T>(value: T): T =>
  value === undefined ? value : structuredClone($state.snapshot(value) as T);

export class StoryDraft {
  /** Every file by its path in the story folder; a deleted file is absent. */
  files: Record<string, FileValue> = $state({});
  /** The hash of the version on disk each file was read or written as (null: not on disk). */
  bases: Record<string, string | null> = {};
  /** Files changed since they were last written. */
  unwritten = new SvelteSet<string>();
  conflicts: Conflict[] = $state([]);
  /** Writes the server refused for another reason (unsafe content, bad JSON). */
  refusals: Record<string, string> = $state({});
  check: StoryCheck = $state({ problems: [], warnings: [] });
  status: 'idle' | 'writing' | 'offline' = $state('idle');
  /** Unwritten edits found in the journal when the story was opened, until restored or dropped. */
  recovered: JournalEntry[] = $state([]);

  private undoStack: HistoryStep[] = $state([]);
  private redoStack: HistoryStep[] = $state([]);
  private editedAt: Record<string, number> = {};
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(readonly slug: string) {}

  static async open(slug: string): Promise<StoryDraft> {
    const draft = new StoryDraft(slug);
    await draft.load();
    draft.recovered = await journal.of(slug);
    return draft;
  }

  async load(): Promise<void> {
    const { files, check } = await api<{ files: Record<string, StoryFileText>; check: StoryCheck }>(
      'GET',
      `stories/${this.slug}`,
    );
    this.files = Object.fromEntries(Object.entries(files).map(([f, t]) => [f, parse(f, t.text)]));
    this.bases = Object.fromEntries(Object.entries(files).map(([f, t]) => [f, t.hash]));
    this.check = check;
  }

  get canUndo() {
    return this.undoStack.length > 0;
  }
  get canRedo() {
    return this.redoStack.length > 0;
  }

  /**
   * Changes one file: `edit` mutates its value in place (or returns a new value; `null` deletes
   * the file). The step can be undone; changes to one `field` in quick succession (typing) are one
   * step.
   */
  change(file: string, edit: (value: FileValue) => FileValue | void, field?: string): void {
    const before = copy(this.files[file]);
    const result = edit(this.files[file]);
    if (result !== undefined) this.set(file, result);
    const after = copy(this.files[file]);
    const last = this.undoStack.at(-1);
    const now = Date.now();
    if (field && last && last.file === file && last.field === field && now - last.at < TYPING_MS) {
      last.after = after;
      last.at = now;
    } else {
      this.undoStack.push({ file, before, after, field, at: now });
    }
    this.redoStack = [];
    this.touch(file);
  }

  undo(): void {
    const step = this.undoStack.pop();
    if (!step) return;
    this.set(step.file, copy(step.before));
    this.redoStack.push(step);
    this.touch(step.file);
  }

  redo(): void {
    const step = this.redoStack.pop();
    if (!step) return;
    this.set(step.file, copy(step.after));
    this.undoStack.push(step);
    this.touch(step.file);
  }

  private set(file: string, value: FileValue): void {
    if (value === null || value === undefined) delete this.files[file];
    else this.files[file] = value;
  }

  /** Journals a changed file now, and writes it after a pause. */
  private touch(file: string): void {
    const at = Date.now();
    this.editedAt[file] = at;
    this.unwritten.add(file);
    const content = this.files[file] === undefined ? null : copy(this.files[file]);
    void journal.put({ slug: this.slug, file, content, base: this.bases[file] ?? null, at });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), WRITE_DELAY_MS);
  }

  /** Writes every unwritten file now (before a reorder, or when the page is hidden). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.writing = this.writing.then(() => this.writeAll());
    return this.writing;
  }

  private async writeAll(): Promise<void> {
    const files = [...this.unwritten].filter((f) => !this.conflicts.some((c) => c.file === f));
    if (!files.length) return;
    this.status = 'writing';
    try {
      for (const file of files) await this.write(file);
      this.status = 'idle';
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 0) throw error;
      // The server is gone: the journal keeps the edits; the next change or reload retries.
      this.status = 'offline';
    }
  }

  private async write(file: string): Promise<void> {
    const at = this.editedAt[file] ?? Date.now();
    const content = this.files[file];
    const base = this.bases[file] ?? null;
    try {
      if (content === undefined) {
        if (base !== null) {
          const r = await api<{ check: StoryCheck }>(
            'DELETE',
            `stories/${this.slug}/files/${file}`,
            { base },
          );
          this.check = r.check;
        }
        delete this.bases[file];
      } else {
        const r = await api<{ hash: string; text: string; check: StoryCheck }>(
          'PUT',
          `stories/${this.slug}/files/${file}`,
          { content: copy(content), base },
        );
        this.bases[file] = r.hash;
        this.check = r.check;
      }
      delete this.refusals[file];
      if (this.editedAt[file] === at) {
        this.unwritten.delete(file);
      }
      await journal.written(this.slug, file, at);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status === 0) throw error;
      if (error.status === 409) {
        this.conflicts = [
          ...this.conflicts.filter((c) => c.file !== file),
          { file, message: error.message, disk: error.disk },
        ];
      } else {
        this.refusals[file] = error.message;
      }
    }
  }

  /** Settles a conflict by taking the file as it now is on disk; the edit stays undoable. */
  takeDisk(file: string): void {
    const conflict = this.conflicts.find((c) => c.file === file);
    if (!conflict) return;
    this.conflicts = this.conflicts.filter((c) => c !== conflict);
    this.unwritten.delete(file);
    if (conflict.disk) {
      this.files[file] = parse(file, conflict.disk.text);
      this.bases[file] = conflict.disk.hash;
    } else {
      delete this.files[file];
      this.bases[file] = null;
    }
    void journal.forget(this.slug, file);
  }

  /** Settles a conflict by writing the editor's version over the one on disk, as asked. */
  keepMine(file: string): Promise<void> {
    const conflict = this.conflicts.find((c) => c.file === file);
    if (!conflict) return Promise.resolve();
    this.conflicts = this.conflicts.filter((c) => c !== conflict);
    this.bases[file] = conflict.disk?.hash ?? null;
    return this.flush();
  }

  /** Applies the edits the journal kept from an earlier session, then writes them. */
  restore(): Promise<void> {
    for (const entry of this.recovered) {
      this.set(entry.file, entry.content);
      this.bases[entry.file] = entry.base;
      this.editedAt[entry.file] = entry.at;
      this.unwritten.add(entry.file);
    }
    this.recovered = [];
    return this.flush();
  }

  async discardRecovered(): Promise<void> {
    for (const entry of this.recovered) await journal.forget(this.slug, entry.file);
    this.recovered = [];
  }

  /** Renumbers the chapter files in a new order (renames on disk), after writing what is pending. */
  async reorderChapters(order: string[]): Promise<void> {
    await this.flush();
    const bases = Object.fromEntries(order.map((f) => [f, this.bases[f] ?? '']));
    const r = await api<{ files: Record<string, StoryFileText>; check: StoryCheck }>(
      'POST',
      `stories/${this.slug}/chapters/order`,
      { from: order, bases },
    );
    for (const file of Object.keys(this.files))
      if (file.startsWith('chapters/')) delete this.files[file];
    for (const [file, t] of Object.entries(r.files)) {
      if (!file.startsWith('chapters/')) continue;
      this.files[file] = parse(file, t.text);
      this.bases[file] = t.hash;
    }
    // Steps recorded against the old names would restore a file under a name that is gone.
    this.undoStack = this.undoStack.filter((s) => !s.file.startsWith('chapters/'));
    this.redoStack = this.redoStack.filter((s) => !s.file.startsWith('chapters/'));
    this.check = r.check;
  }
}
