/**
 * Vitest global setup for the browser tests: serves the built site from `dist/` with Astro's own
 * preview server on a free loopback port and hands its URL to the tests as `baseUrl`.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { preview } from 'astro';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const root = fileURLToPath(new URL('../../../', import.meta.url));

export default async function serveDist({ provide }: TestProject) {
  if (!existsSync(`${root}dist/index.html`)) {
    throw new Error('dist/ has no built site. Run `npm run build` first (`npm test` does both).');
  }
  const server = await preview({ root, logLevel: 'error', server: { host: '127.0.0.1', port: 0 } });
  provide('baseUrl', `http://127.0.0.1:${server.port}`);
  return () => server.stop();
}
