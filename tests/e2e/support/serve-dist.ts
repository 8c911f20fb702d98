/**
 * Vitest global setup for the browser tests: serves a finished build with Astro's own preview server
 * on a free loopback port and hands its root URL to the tests as `baseUrl`. The `e2e` project serves
 * `dist/` at the root; `e2e-base` serves the build made with `BASE` (its `E2E_DIST` and `E2E_BASE`)
 * under that sub-path, so the browser tests that depend on the base path run once at the root and once
 * under a base (`vitest.config.ts` lists those that do not).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { preview } from 'astro';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const root = fileURLToPath(new URL('../../../', import.meta.url));

export default async function serveDist(project: TestProject) {
  const env = project.config.env ?? {};
  const outDir = path.join(root, String(env['E2E_DIST'] ?? 'dist'));
  const base = String(env['E2E_BASE'] ?? '/');
  if (!existsSync(path.join(outDir, 'index.html'))) {
    throw new Error(
      `${outDir} has no built site. Run \`npm run build\` and \`npm run build:base\` first (\`npm test\` does).`,
    );
  }
  // The sub-path must be the one the build was made for, or every link would miss.
  if (base !== '/' && !readFileSync(path.join(outDir, 'index.html'), 'utf8').includes(`href="${base}`)) {
    throw new Error(`${outDir} was not built for ${base}. Hint: \`npm run build:base\` builds it with BASE=${base}.`);
  }
  const server = await preview({
    root,
    outDir,
    base,
    logLevel: 'error',
    server: { host: '127.0.0.1', port: 0 },
  });
  project.provide('baseUrl', new URL(base, `http://127.0.0.1:${server.port}`).href);
  return () => server.stop();
}
