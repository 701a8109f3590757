import { error } from '@sveltejs/kit';
import { getBasemap, getStory, storySlugs } from '$lib/server/stories';
import { locatorSvg } from '$lib/static-map/locator-svg';
import type { RequestHandler } from './$types';

export const prerender = true;

/** One static map per chapter: shown without JavaScript, and printed with the handout. */
export const entries = () =>
  storySlugs().flatMap((story) =>
    getStory(story).chapters.map((c) => ({ story, chapter: c.slug })),
  );

export const GET: RequestHandler = ({ params }) => {
  const story = getStory(params.story);
  const index = story.chapters.findIndex((c) => c.slug === params.chapter);
  if (index < 0) error(404, `No chapter "${params.chapter}"`);
  const chapter = story.chapters[index]!;
  // Some room around what the chapter frames, as the live map's padding gives.
  const [w, s, e, n] = chapter.bounds;
  const padX = (e - w) * 0.12;
  const padY = (n - s) * 0.12;
  const route = chapter.draw
    ? story.layers
        .flatMap((l) => l.data.features)
        .find((f) => f.properties.id === chapter.draw!.route)
    : undefined;
  const names = route && 'waypoints' in route.properties ? (route.properties.waypoints ?? []) : [];
  const svg = locatorSvg(story, getBasemap(), {
    width: 1000,
    height: 625,
    bounds: [w - padX, s - padY, e + padX, n + padY],
    heading: `${index + 1}. ${chapter.title}`,
    focus: chapter.focus,
    window: chapter.window,
    layers: chapter.layers,
    categories: chapter.categories,
    waypoints: names.map((name, i) => ({
      name,
      coordinates: route!.geometry.coordinates[i] as [number, number],
    })),
  });
  return new Response(svg, { headers: { 'content-type': 'image/svg+xml' } });
};
