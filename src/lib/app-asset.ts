import { assets } from '$app/paths';

/**
 * A built asset's URL (a `?url` import) as seen from the page: under `assets` from `$app/paths`,
 * which is relative in the prerendered HTML, so that the built site works from any folder it is
 * copied to. (Vite writes such URLs from the site's root.)
 */
export function appAsset(url: string): string {
  return url.replace(/^.*?(?=\/_app\/)/, assets);
}
