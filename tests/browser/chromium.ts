/**
 * Launches the machine's Chromium (Debian's `chromium` by default, or `$CHROMIUM_PATH`) headless,
 * with software WebGL so that MapLibre draws. Never downloads a browser.
 */
import { existsSync } from 'node:fs';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
} from 'playwright-core';
import { onTestFinished } from 'vitest';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function assertChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Browser tests need a real Chromium: ` +
        `install it (Debian/Ubuntu: "apt-get install -y chromium") or set CHROMIUM_PATH to its binary.`,
    );
  }
}

/** Playwright gives each launch a fresh, temporary profile. */
export async function launchChromium(): Promise<Browser> {
  assertChromium();
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--ignore-gpu-blocklist',
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * A fresh browser context that is closed when the test that made it ends, passed or failed, so
 * that a failing test leaks no context into the next.
 */
export async function newContext(
  browser: Browser,
  options?: BrowserContextOptions,
): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  try {
    onTestFinished(() => context.close().catch(() => undefined));
  } catch {
    // Made outside a test (a beforeAll): its suite closes it.
  }
  return context;
}
