/**
 * `npm run check`: validates the dictionary content in about a second, without building the site.
 * Prints every problem as `file › field: message` and exits 1, or prints what it counted.
 */
import { fileURLToPath } from 'node:url';
import { checkContent } from '../src/lib/load-files.ts';
import { allIndicators } from '../src/lib/model.ts';
import { formatReport } from '../src/lib/validate.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const { issues, dictionary } = await checkContent(root);

if (!dictionary) {
  console.error(formatReport(issues));
  process.exit(1);
}

const levels = dictionary.competencies.reduce((sum, c) => sum + c.levels.length, 0);
const indicators = dictionary.competencies.reduce((sum, c) => sum + allIndicators(c).length, 0);
console.log(
  `✓ Content valid: ${dictionary.competencies.length} competencies, ${levels} levels, ${indicators} indicators, ` +
    `${dictionary.roles.length} roles, ${dictionary.glossary.length} glossary terms.`,
);
