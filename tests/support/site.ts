// The built site as the end-to-end tests see it: every HTML page under dist/ and its URL path.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { builtPages as listPages } from '../../src/integrations/built-pages.ts';
import { projectRoot } from './seed.ts';

/** The build output folder: `dist/`, or the sub-path build (`E2E_DIST`) the `e2e-base` project tests. */
export const distDir = path.join(projectRoot, process.env.E2E_DIST ?? 'dist');

export { urlPathOf, type BuiltPage } from '../../src/integrations/built-pages.ts';

/** Every HTML page of the build, sorted by path. Throws when there is no build. */
export const builtPages = () => listPages(distDir);

/** Whether a same-origin URL path is a file of the build (for links to non-page assets). */
export function isBuiltFile(urlPath: string): boolean {
  const file = path.join(distDir, decodeURIComponent(urlPath));
  return file.startsWith(distDir) && existsSync(file) && statSync(file).isFile();
}
