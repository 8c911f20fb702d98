// The fixture dictionary (tests/fixtures/valid/): two invented competencies (alpha, beta) and two roles
// (lead, support), small enough to work every expected answer out by hand. Logic tests run on it, so
// adding a role or a competency to the real content changes none of them; the real content is checked
// by the fidelity tests (source-fidelity, parity, privacy, e2e).
import { fileURLToPath } from 'node:url';
import { checkContent } from '../../src/lib/load-files.ts';
import type { Dictionary } from '../../src/lib/model.ts';
import { formatIssues } from '../../src/lib/validate.ts';

/** The fixture project's root (the folder holding its `src/content`). */
export const fixtureRoot = fileURLToPath(new URL('../fixtures/valid/', import.meta.url));

/** The fixture's linked dictionary; throws with the check's own messages when the fixture breaks. */
export async function loadFixtureDictionary(): Promise<Dictionary> {
  const { dictionary, issues } = await checkContent(fixtureRoot);
  if (!dictionary) throw new Error(`The fixture dictionary does not validate:\n${formatIssues(issues)}`);
  return dictionary;
}
