import { base } from '$app/paths';

/**
 * Where the site will be published, for the absolute URLs that oEmbed and social previews need:
 * `SITE_URL` at build time (e.g. `SITE_URL=https://maps.example npm run build`), else the local
 * preview server.
 */
export function siteUrl(): string {
  const url = process.env.SITE_URL ?? 'http://127.0.0.1:4173';
  return `${url.replace(/\/$/, '')}${base}`;
}
