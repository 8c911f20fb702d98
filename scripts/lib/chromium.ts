/**
 * How this project starts a browser, for the browser tests and the bench alike: Debian's Chromium
 * (never a downloaded build) with the flags that work as root on a machine without network.
 */
import { chromium, type Browser } from 'playwright-core';

/** Launches the system Chromium; `CHROMIUM_PATH` points elsewhere if needed. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
