/**
 * The journal of edits not yet on disk, in the browser's IndexedDB. An edit is journaled before
 * it is sent, and its entry removed only once the server has written it, so a killed tab, a
 * closed window or a stopped server loses nothing: reopening the story offers what is left.
 */
const DB = 'story-editor';
const STORE = 'unwritten';

export interface JournalEntry {
  slug: string;
  file: string;
  /** The file's new content: parsed JSON for `.json`/`.geojson`, text for Markdown; null = deleted. */
  content: unknown;
  /** The hash of the version on disk this edit was made from (null for a new file). */
  base: string | null;
  /** When the edit was made (ms); an entry is removed only if no later edit replaced it. */
  at: number;
}

let opened: Promise<IDBDatabase> | undefined;
function db(): Promise<IDBDatabase> {
  return (opened ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () =>
      request.result.createObjectStore(STORE, { keyPath: ['slug', 'file'] });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  }));
}

async function run<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>) {
  const store = (await db()).transaction(STORE, mode).objectStore(STORE);
  return new Promise<T>((resolve, reject) => {
    const request = act(store);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

export const journal = {
  put: (entry: JournalEntry) => run('readwrite', (s) => s.put(entry)),
  /** Removes the entry for a file once it is written, unless a later edit replaced it. */
  async written(slug: string, file: string, at: number): Promise<void> {
    const entry = await run<JournalEntry | undefined>('readonly', (s) => s.get([slug, file]));
    if (entry && entry.at <= at) await run('readwrite', (s) => s.delete([slug, file]));
  },
  forget: (slug: string, file: string) => run('readwrite', (s) => s.delete([slug, file])),
  async of(slug: string): Promise<JournalEntry[]> {
    const all = await run<JournalEntry[]>('readonly', (s) => s.getAll());
    return all.filter((e) => e.slug === slug);
  },
};
