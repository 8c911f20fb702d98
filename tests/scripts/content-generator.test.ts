// The growth bench's synthetic dictionaries pass the same content checks as the real one.
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { requiredLevel, writeSyntheticEntries } from '../../bench/content-generator.ts';
import { checkContent } from '../../src/lib/load-files.ts';
import { allIndicators } from '../../src/lib/model.ts';
import { parseAliases } from '../../src/lib/search-aliases.ts';
import { projectRoot } from '../support/seed.ts';

let scratch: string;
beforeAll(async () => {
  await mkdir(path.join(projectRoot, '.tmp'), { recursive: true });
  scratch = await mkdtemp(path.join(projectRoot, '.tmp', 'generator-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe.each([
  { competencies: 3, roles: 4 },
  { competencies: 30, roles: 20 },
])('$competencies competencies x $roles roles', (size) => {
  test('validate, with every requirement stated and the real texts cycled', async () => {
    const root = path.join(scratch, `${size.competencies}`);
    await cp(path.join(projectRoot, 'src', 'content'), path.join(root, 'src', 'content'), { recursive: true });
    await writeSyntheticEntries(path.join(projectRoot, 'src', 'content'), path.join(root, 'src', 'content'), size);
    const { dictionary, issues } = await checkContent(root);
    expect(issues).toEqual([]);
    expect(dictionary!.competencies).toHaveLength(size.competencies);
    expect(dictionary!.roles).toHaveLength(size.roles);
    expect(new Set(dictionary!.competencies.map(({ name }) => name.id)).size).toBe(size.competencies);
    const real = (await checkContent(projectRoot)).dictionary!;
    // Competency k has the indicators of real competency k mod 3, so pages weigh what real ones do.
    dictionary!.competencies.forEach((competency, k) => {
      const model = real.competencies[k % real.competencies.length]!;
      expect(allIndicators(competency).map(({ text }) => text)).toEqual(allIndicators(model).map(({ text }) => text));
    });
    for (const role of dictionary!.roles) expect(role.requirements).toHaveLength(size.competencies);
    // The build checks the search aliases against the dictionary too: the synthetic one must pass.
    const aliases = await readFile(path.join(root, 'src', 'content', 'search-aliases', 'aliases.json'), 'utf8');
    expect(parseAliases(JSON.parse(aliases), dictionary!)).toEqual([]);
  });
});

test('the requirement pattern uses every level and "not required"', () => {
  const levels = new Set<number | null>();
  for (let r = 0; r < 40; r++) for (let c = 0; c < 300; c++) levels.add(requiredLevel(r, c));
  expect([...levels].sort()).toEqual([1, 2, 3, 4, 5, null]);
});
