/**
 * The editor page's calls to its server. The token comes from the page itself (the server writes
 * it into the page it serves to a browser that opened the terminal's link) and goes in a header,
 * which another site's page cannot set.
 */
import type { EditorProblem, StoryCheck } from '$lib/server/editor/api';
import type { StoryFileText } from '$lib/server/editor/story-files';
import type { PlaceAt } from '$lib/server/editor/place-at';
import type { Place } from '$lib/server/gazetteer';

export type { EditorProblem, StoryCheck, StoryFileText };

const token =
  document.querySelector<HTMLMetaElement>('meta[name="story-editor-token"]')?.content ?? '';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly disk: StoryFileText | null = null,
  ) {
    super(message);
  }
}

export async function api<T>(method: string, route: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api/${route}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-editor-token': token },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'the editor server does not answer: is `npm run edit` still running?');
  }
  const answer = (await response.json().catch(() => ({}))) as {
    error?: string;
    disk?: StoryFileText;
  };
  if (!response.ok) {
    throw new ApiError(response.status, answer.error ?? response.statusText, answer.disk ?? null);
  }
  return answer as T;
}

/** A gazetteer match as the server sends it, with its label: "Hyderabad, Pakistan (pop. 1.4 M)". */
export type PlaceMatch = Place & { label: string };

export type { PlaceAt };
