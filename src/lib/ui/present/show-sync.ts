/**
 * The show kept in step between windows of the same browser (the audience's screen and the
 * presenter view): the slide, the blank screen and an open question travel over a
 * BroadcastChannel (same origin, no server). A window that opens or reloads asks where the show
 * is. Only well-formed messages about slides and features that exist are taken.
 */
import { parsePresentMessage, type PresentMessage } from './slides';

export interface ShowHandlers {
  /** Another window moved the show. */
  onstate: (slide: number, blank: boolean) => void;
  /** Another window opened (or closed, with null) a question's narrative. */
  onselect: (id: string | null) => void;
  /** A window that just opened asks where the show is: answer with `post`. */
  onhello: () => void;
}

export class ShowSync {
  #channel: BroadcastChannel;

  constructor(story: string, count: number, ids: ReadonlySet<string>, handlers: ShowHandlers) {
    this.#channel = new BroadcastChannel(`storymap-present:${story}`);
    this.#channel.onmessage = (event) => {
      const message = parsePresentMessage(event.data, count, ids);
      if (message?.type === 'hello') handlers.onhello();
      else if (message?.type === 'select') handlers.onselect(message.id);
      else if (message?.type === 'state') handlers.onstate(message.slide, message.blank);
    };
    this.post({ type: 'hello' });
  }

  post(message: PresentMessage): void {
    this.#channel.postMessage(message);
  }

  close(): void {
    this.#channel.close();
  }
}

/**
 * When the show started, kept for the browser session so that the presenter's timer survives a
 * reload (a frozen projector, a crashed tab).
 */
export function showStart(story: string, now = Date.now()): number {
  const key = `storymap-present:${story}:started`;
  const kept = Number(sessionStorage.getItem(key));
  if (Number.isFinite(kept) && kept > 0 && kept <= now) return kept;
  sessionStorage.setItem(key, String(now));
  return now;
}

export function restartShow(story: string, now = Date.now()): number {
  sessionStorage.setItem(`storymap-present:${story}:started`, String(now));
  return now;
}
