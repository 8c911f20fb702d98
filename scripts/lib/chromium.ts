/**
 * How this project starts a browser, for the browser tests and the bench alike: Debian's Chromium
 * (never a downloaded build) with the flags that work as root on a machine without network.
 */
import { chromium, type Browser } from 'playwright-core';

/** The system Chromium; `CHROMIUM_PATH` points elsewhere if needed. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that work as root on a machine whose network refuses Chromium's background connections. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Launches the system Chromium through playwright-core. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
}
