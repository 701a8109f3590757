/**
 * `npx tsx scripts/screenshot.ts [path] [width]x[height] [out.png] [--dark]`: serves `build/`,
 * opens the page in headless Chromium, waits for the map's first idle and saves a screenshot.
 */
import { launchChromium } from '../tests/browser/chromium';
import { serve } from './serve.js';

const [route = '/pakistan-russia/', size = '1280x800', out = 'screenshot.png'] = process.argv
  .slice(2)
  .filter((a) => !a.startsWith('--'));
const dark = process.argv.includes('--dark');
const [width, height] = size.split('x').map(Number);

const { origin, close } = await serve();
const browser = await launchChromium();
try {
  const page = await browser.newPage({
    viewport: { width: width!, height: height! },
    colorScheme: dark ? 'dark' : 'light',
  });
  page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
  await page.goto(`${origin}${route}`);
  await page
    .waitForFunction(() => performance.getEntriesByName('map:idle').length > 0, null, {
      timeout: 45_000,
    })
    .catch(() => console.error('no map:idle within 45 s; taking the screenshot anyway'));
  await page.screenshot({ path: out });
  console.log(`saved ${out}`);
} finally {
  await browser.close();
  await close();
}
