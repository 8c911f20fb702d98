// checkContent on a copy of the valid fixture with one targeted mutation: the exact file, field and message of each issue.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { checkContent } from '../../src/lib/load-files.ts';
import { buildDictionary } from '../../src/lib/model.ts';
import { ContentError, formatIssues, type ContentIssue } from '../../src/lib/validate.ts';

const fixture = fileURLToPath(new URL('../fixtures/valid/', import.meta.url));

const ALPHA = 'src/content/competencies/alpha.mdx';
const BETA = 'src/content/competencies/beta.mdx';
const LEAD = 'src/content/roles/lead.mdx';
const SUPPORT = 'src/content/roles/support.mdx';
const SOURCE = 'src/content/source/source.mdx';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'kkt-fixture-'));
  await cp(fixture, root, { recursive: true });
});

afterEach(() => rm(root, { recursive: true, force: true }));

/** Replaces the one occurrence of `from` in a fixture file; fails if it occurs zero or several times. */
async function edit(file: string, from: string | RegExp, to: string) {
  const path = join(root, file);
  const text = await readFile(path, 'utf8');
  const pattern = typeof from === 'string' ? from : new RegExp(from.source, 'g');
  const count = typeof pattern === 'string' ? text.split(pattern).length - 1 : (text.match(pattern) ?? []).length;
  expect(count, `${String(from)} should occur exactly once in ${file}`).toBe(1);
  await writeFile(path, text.replace(from, to));
}

/** Checks the mutated copy, expecting no dictionary and exactly these issues, in this order. */
async function expectIssues(expected: ContentIssue[]) {
  const { issues, dictionary } = await checkContent(root);
  expect(issues).toEqual(expected);
  expect(dictionary).toBeUndefined();
  return issues;
}

interface Mutation {
  file: string;
  from: string | RegExp;
  to: string;
  /** The issues expected, all in `file`. */
  issues: { field: string; message: string }[];
}

const mutations: Record<string, Mutation> = {
  'a competency missing its last level': {
    file: BETA,
    from: /  - level: 5\n[\s\S]*(?=---)/,
    to: '',
    issues: [{ field: 'levels', message: 'level 5 is missing; a competency has levels 1 to 5' }],
  },
  'a competency missing a middle level (later levels are then out of place)': {
    file: BETA,
    from: /  - level: 3\n[\s\S]*(?=  - level: 4)/,
    to: '',
    issues: [
      { field: 'levels', message: 'level 3 is missing; a competency has levels 1 to 5' },
      { field: 'levels.2.level', message: 'levels must be listed in order 1 to 5; found level 4 in position 3' },
      { field: 'levels.3.level', message: 'levels must be listed in order 1 to 5; found level 5 in position 4' },
    ],
  },
  'a level listed twice': {
    file: BETA,
    from: '          id: Indikator beta 5.1\n',
    to:
      '          id: Indikator beta 5.1\n' +
      "  - level: 5\n    description:\n      id: Lagi.\n    indicators:\n      - no: '5.1'\n        text:\n          id: Lagi\n",
    issues: [{ field: 'levels.5.level', message: 'level 5 appears twice' }],
  },
  'an indicator numbered for another level ("3.2" under level 2)': {
    file: ALPHA,
    from: "no: '2.2'",
    to: "no: '3.2'",
    issues: [
      {
        field: 'levels.1.indicators.1.no',
        message: 'indicator "3.2" does not belong to level 2; number it "2.2"',
      },
    ],
  },
  'an indicator number repeated': {
    file: ALPHA,
    from: "no: '1.2'",
    to: "no: '1.1'",
    issues: [{ field: 'levels.0.indicators.1.no', message: 'indicator "1.1" repeats; each number appears once' }],
  },
  'an indicator number skipped (1.1 then 1.3)': {
    file: ALPHA,
    from: "no: '1.2'",
    to: "no: '1.3'",
    issues: [
      {
        field: 'levels.0.indicators.1.no',
        message: 'indicator "1.3" is out of sequence: expected "1.2" (numbers run 1, 2, 3 … without gaps)',
      },
    ],
  },
  'an unquoted indicator number (YAML reads it as a number)': {
    file: ALPHA,
    from: "no: '4.2'",
    to: 'no: 4.2',
    issues: [
      {
        field: 'levels.3.indicators.1.no',
        message: 'must be a quoted string such as "3.2" (YAML reads 3.2 as a number)',
      },
    ],
  },
  'sub-item letters out of sequence (a, c, c)': {
    file: ALPHA,
    from: 'key: b',
    to: 'key: c',
    issues: [{ field: 'levels.1.indicators.1.items.1.key', message: 'sub-item "c" is out of sequence: expected "b"' }],
  },
  'a role naming an unknown competency': {
    file: LEAD,
    from: '  beta: 2\n',
    to: '  beta: 2\n  gamma: 1\n',
    issues: [
      { field: 'requirements.gamma', message: 'unknown competency "gamma"; known competencies: "alpha", "beta"' },
    ],
  },
  'a role omitting a competency': {
    file: LEAD,
    from: '  beta: 2\n',
    to: '',
    issues: [
      {
        field: 'requirements.beta',
        message: 'no requirement stated for competency "beta"; write `beta: null` if the role does not require it',
      },
    ],
  },
  'a required level of 0': {
    file: LEAD,
    from: 'alpha: 3',
    to: 'alpha: 0',
    issues: [{ field: 'requirements.alpha', message: 'must be from 1 to 5' }],
  },
  'a required level of 6': {
    file: LEAD,
    from: 'alpha: 3',
    to: 'alpha: 6',
    issues: [{ field: 'requirements.alpha', message: 'must be from 1 to 5' }],
  },
  'a required level that is not a whole number': {
    file: LEAD,
    from: 'alpha: 3',
    to: 'alpha: 2.5',
    issues: [{ field: 'requirements.alpha', message: 'must be a whole number from 1 to 5' }],
  },
  'a role whose employment status is not in the glossary': {
    file: LEAD,
    from: 'status: p3k',
    to: 'status: pppk',
    issues: [
      {
        field: 'eligibility.0.status',
        message:
          'unknown glossary term "pppk"; add src/content/glossary/pppk.mdx or use one of "jf-prakom", "p3k", "pns", "ppbj"',
      },
    ],
  },
  'a role whose functional position is not in the glossary': {
    file: LEAD,
    from: '[jf-prakom, ppbj]',
    to: '[jf-prakom, jf-mi]',
    issues: [
      {
        field: 'eligibility.1.positions.1',
        message:
          'unknown glossary term "jf-mi"; add src/content/glossary/jf-mi.mdx or use one of "jf-prakom", "p3k", "pns", "ppbj"',
      },
    ],
  },
  'a glossary term that does not say where its expansion comes from': {
    file: 'src/content/glossary/ppbj.mdx',
    from: 'provenance:\n  expansion: draft-notes\n',
    to: '',
    issues: [
      {
        field: 'provenance',
        message: 'is required: say where the expansion comes from (expansion: draft-notes, draft-text or elsewhere)',
      },
    ],
  },
  'a glossary expansion from outside the draft that names no source': {
    file: 'src/content/glossary/ppbj.mdx',
    from: 'expansion: draft-notes',
    to: 'expansion: elsewhere',
    issues: [
      { field: 'provenance.expansionSource', message: 'an expansion from outside the draft must name its source' },
    ],
  },
  'a glossary expansion of an unknown origin': {
    file: 'src/content/glossary/ppbj.mdx',
    from: 'expansion: draft-notes',
    to: 'expansion: site',
    issues: [{ field: 'provenance.expansion', message: 'must be one of draft-notes, draft-text, elsewhere' }],
  },
  'a role with an unknown prerequisite': {
    file: SUPPORT,
    from: '[basic-standard]',
    to: '[pbjp-level-1]',
    issues: [
      {
        field: 'prerequisites.0',
        message:
          'unknown prerequisite "pbjp-level-1"; declare it under `prerequisites` in the source entry (known: "basic-standard")',
      },
    ],
  },
  'a role with neither summary nor duties': {
    file: SUPPORT,
    from: /duties:\n(  - .*\n)+/,
    to: '',
    issues: [{ field: 'summary', message: 'a role needs a summary, duties, or both' }],
  },
  'a required field missing (competency definition)': {
    file: ALPHA,
    from: 'definition:\n  id: Definisi kompetensi alfa untuk pengujian.\n',
    to: '',
    issues: [{ field: 'definition', message: 'Invalid input: expected object, received undefined' }],
  },
  'a misspelt field (strict objects reject unknown keys)': {
    file: ALPHA,
    from: 'definition:',
    to: 'defintion:',
    issues: [
      { field: 'definition', message: 'Invalid input: expected object, received undefined' },
      { field: '', message: 'Unrecognized key: "defintion"' },
    ],
  },
  'a required text left empty': {
    file: BETA,
    from: '  id: Kompetensi Beta',
    to: "  id: ''",
    issues: [{ field: 'name.id', message: 'must not be empty' }],
  },
  'a required text of only whitespace': {
    file: BETA,
    from: '  id: Kompetensi Beta',
    to: "  id: '   '",
    issues: [{ field: 'name.id', message: 'must not be empty' }],
  },
  'an empty translation': {
    file: ALPHA,
    from: '  en: Alpha competency',
    to: "  en: ''",
    issues: [{ field: 'name.en', message: 'must not be empty' }],
  },
  'a competency order used twice': {
    file: BETA,
    from: 'order: 2',
    to: 'order: 1',
    issues: [{ field: 'order', message: `order 1 is already used by competency ${ALPHA}` }],
  },
  'a role order used twice': {
    file: SUPPORT,
    from: 'order: 2',
    to: 'order: 1',
    issues: [{ field: 'order', message: `order 1 is already used by role ${LEAD}` }],
  },
};

describe('checkContent', () => {
  test('the valid fixture has no issues and builds a dictionary', async () => {
    const { issues, dictionary } = await checkContent(root);
    expect(issues).toEqual([]);
    expect(dictionary?.competencies.map((c) => c.slug)).toEqual(['alpha', 'beta']);
    expect(dictionary?.roles.map((r) => r.slug)).toEqual(['lead', 'support']);
    expect(dictionary?.glossary.map((t) => t.slug)).toEqual(['jf-prakom', 'p3k', 'pns', 'ppbj']);
    expect(dictionary?.source.file).toBe(SOURCE);
  });

  test.each(Object.entries(mutations))('%s', async (_name, { file, from, to, issues }) => {
    await edit(file, from, to);
    await expectIssues(issues.map((issue) => ({ file, ...issue })));
  });

  test('invalid YAML names the file and the parser error at its line in the file', async () => {
    await edit(BETA, 'order: 2', 'order: 2: 3');
    await expectIssues([
      { file: BETA, field: '', message: expect.stringMatching(/^frontmatter is not valid YAML: [^\n]+ \(3:\d+\)$/) },
    ]);
  });

  test('no source entry', async () => {
    await rm(join(root, SOURCE));
    await expectIssues([
      { file: 'src/content/source/', field: '', message: 'expected exactly one source-document entry, found 0' },
    ]);
  });

  test('two source entries name both files', async () => {
    await cp(join(root, SOURCE), join(root, 'src/content/source/update.mdx'));
    await expectIssues([
      {
        file: 'src/content/source/',
        field: '',
        message: `expected exactly one source-document entry, found 2: ${SOURCE}, src/content/source/update.mdx`,
      },
    ]);
  });

  test('no competency entries', async () => {
    await rm(join(root, 'src/content/competencies'), { recursive: true });
    await expectIssues([{ file: 'src/content/competencies/', field: '', message: 'no competency entries found' }]);
  });

  test('issues in several files are all reported', async () => {
    await edit(ALPHA, "no: '1.2'", "no: '1.3'");
    await edit(LEAD, 'alpha: 3', 'alpha: 6');
    const { issues } = await checkContent(root);
    expect(issues.map(({ file, field }) => `${file} ${field}`)).toEqual([
      `${ALPHA} levels.0.indicators.1.no`,
      `${LEAD} requirements.alpha`,
    ]);
  });
});

describe('formatIssues and ContentError', () => {
  const issues: ContentIssue[] = [
    { file: LEAD, field: 'requirements.alpha', message: 'must be from 1 to 5' },
    { file: 'src/content/source/', field: '', message: 'expected exactly one source-document entry, found 0' },
  ];
  const lines = [
    'src/content/roles/lead.mdx › requirements.alpha: must be from 1 to 5',
    'src/content/source/ › (entry): expected exactly one source-document entry, found 0',
  ];

  test('formatIssues prints one `file › field: message` line per issue', () => {
    expect(formatIssues(issues).split('\n')).toEqual(lines);
    expect(formatIssues([])).toBe('');
  });

  test('formatIssues prints the issues checkContent finds', async () => {
    await edit(ALPHA, 'key: b', 'key: d');
    const { issues: found } = await checkContent(root);
    expect(formatIssues(found)).toBe(
      `${ALPHA} › levels.1.indicators.1.items.1.key: sub-item "d" is out of sequence: expected "b"`,
    );
  });

  test('ContentError counts and lists every issue', () => {
    const error = new ContentError(issues);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ContentError');
    expect(error.issues).toBe(issues);
    expect(error.message).toBe(`The dictionary content has 2 problem(s):\n${lines.join('\n')}`);
  });

  test('buildDictionary throws a ContentError for input that fails the cross-entry checks', () => {
    const build = () => buildDictionary({ competencies: [], roles: [], glossary: [], source: [] });
    expect(build).toThrow(ContentError);
    expect(build).toThrow(
      'The dictionary content has 2 problem(s):\n' +
        'src/content/source/ › (entry): expected exactly one source-document entry, found 0\n' +
        'src/content/competencies/ › (entry): no competency entries found',
    );
  });
});
