/**
 * Runs the content check (`src/lib/load-files.ts`, the same as `npm run check`) before Astro reads
 * the content, so a build refuses broken content with the check's own `file › field: message`
 * lines, every problem at once and no stack trace, instead of Astro's first schema error.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkContent } from '../lib/load-files.ts';
import { formatReport } from '../lib/validate.ts';

/** The content check as an integration: `astro build` and `astro sync` exit 1 on any problem. */
export function contentCheck(): AstroIntegration {
  return {
    name: 'kamus:content-check',
    hooks: {
      // `astro:config:setup` runs before the content sync of `astro build`, so nothing else reads
      // the broken entries first.
      'astro:config:setup': async ({ command, config }) => {
        const { issues } = await checkContent(fileURLToPath(config.root));
        if (issues.length === 0) return;
        console.error(formatReport(issues));
        // The dev server keeps running: Astro shows the error and reloads once the file is fixed.
        if (command === 'build' || command === 'sync') process.exit(1);
      },
    },
  };
}
