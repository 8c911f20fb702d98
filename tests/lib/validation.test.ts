// checkContent on a copy of the valid fixture with one targeted mutation: the exact file, field and message of each issue.
import { cp, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
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
const P3K = 'src/content/glossary/p3k.mdx';
const PNS = 'src/content/glossary/pns.mdx';

const PHONE =
  'contains a phone number; the site publishes none (the letter’s contact number is left out on purpose): remove it, or point to a web address';
const NOT_A_CODE = (code: string) =>
  `"${code}" is not a code: write capital letters then digits, such as "KTLPSE01" (no dots, dashes, underscores or spaces), or \`code: null\` while the draft leaves it blank`;
const PLACEHOLDER = (code: string) =>
  `"${code}" is a placeholder, not a code; write \`code: null\` while the draft leaves the code blank`;

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
    from: '          en: Indikator beta 5.1 (en)\n',
    to:
      '          en: Indikator beta 5.1 (en)\n' +
      "  - level: 5\n    description:\n      id: Lagi.\n      en: Again.\n    indicators:\n      - no: '5.1'\n        text:\n          id: Lagi\n          en: Again\n",
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
    from: /duties:\n(  [- ] .*\n)+/,
    to: '',
    issues: [{ field: 'summary', message: 'a role needs a summary, duties, or both' }],
  },
  'a required field missing (competency definition)': {
    file: ALPHA,
    from: 'definition:\n  id: Definisi kompetensi alfa untuk pengujian.\n  en: Definisi kompetensi alfa untuk pengujian. (en)\n',
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
    issues: [{ field: 'name.id', message: "the Indonesian text is empty; write the draft's wording" }],
  },
  'a required text of only whitespace': {
    file: BETA,
    from: '  id: Kompetensi Beta',
    to: "  id: '   '",
    issues: [{ field: 'name.id', message: "the Indonesian text is empty; write the draft's wording" }],
  },
  'an empty translation': {
    file: ALPHA,
    from: '  en: Alpha competency',
    to: "  en: ''",
    issues: [{ field: 'name.en', message: 'the English text is empty; write the translation' }],
  },
  'a calendar date that does not exist (2022-11-31, which YAML would read as 1 December)': {
    file: SOURCE,
    from: 'date: 2022-11-04',
    to: 'date: 2022-11-31',
    issues: [
      {
        field: 'date',
        message: '2022-11-31 is not a calendar date: November 2022 has 30 days; check the day and the month',
      },
    ],
  },
  'a 29 February outside a leap year': {
    file: SOURCE,
    from: 'deadline: 2022-11-10',
    to: 'deadline: 2022-02-29',
    issues: [
      {
        field: 'consultation.deadline',
        message: '2022-02-29 is not a calendar date: February 2022 has 28 days; check the day and the month',
      },
    ],
  },
  'a month 13': {
    file: SOURCE,
    from: 'date: 2022-11-04',
    to: 'date: 2022-13-04',
    issues: [{ field: 'date', message: '2022-13-04 is not a calendar date: there is no month 13; write YYYY-MM-DD' }],
  },
  'a date written in words': {
    file: SOURCE,
    from: 'date: 2022-11-04',
    to: 'date: 4 November 2022',
    issues: [{ field: 'date', message: 'must be a date written YYYY-MM-DD, such as 2022-11-04' }],
  },
  'a date without leading zeros': {
    file: SOURCE,
    from: 'deadline: 2022-11-10',
    to: 'deadline: 2022-1-10',
    issues: [{ field: 'consultation.deadline', message: 'must be a date written YYYY-MM-DD, such as 2022-11-04' }],
  },
  "the draft's blank code transcribed literally": {
    file: ALPHA,
    from: 'code: null',
    to: "code: '…..'",
    issues: [{ field: 'code', message: PLACEHOLDER('…..') }],
  },
  'a code of dots': {
    file: ALPHA,
    from: 'code: null',
    to: "code: '...'",
    issues: [{ field: 'code', message: PLACEHOLDER('...') }],
  },
  'a code of a dash': {
    file: ALPHA,
    from: 'code: null',
    to: "code: '-'",
    issues: [{ field: 'code', message: PLACEHOLDER('-') }],
  },
  'a code of underscores': {
    file: ALPHA,
    from: 'code: null',
    to: 'code: ___',
    issues: [{ field: 'code', message: PLACEHOLDER('___') }],
  },
  'a TBD code': {
    file: ALPHA,
    from: 'code: null',
    to: 'code: TBD',
    issues: [{ field: 'code', message: PLACEHOLDER('TBD') }],
  },
  'a code with dots': {
    file: ALPHA,
    from: 'code: null',
    to: 'code: KT.LPSE.01',
    issues: [{ field: 'code', message: NOT_A_CODE('KT.LPSE.01') }],
  },
  'a code with a dash': {
    file: ALPHA,
    from: 'code: null',
    to: 'code: KT-01',
    issues: [{ field: 'code', message: NOT_A_CODE('KT-01') }],
  },
  'a code with an underscore': {
    file: ALPHA,
    from: 'code: null',
    to: 'code: KT_01',
    issues: [{ field: 'code', message: NOT_A_CODE('KT_01') }],
  },
  'a code that is a bare number': {
    file: ALPHA,
    from: 'code: null',
    to: 'code: 12',
    issues: [
      {
        field: 'code',
        message: 'must be a code in quotes such as "KTLPSE01", or null while the draft leaves it blank',
      },
    ],
  },
  'an indicator with no English': {
    file: ALPHA,
    from: '          en: Indikator alfa 1.1 (en)\n',
    to: '',
    issues: [
      {
        field: 'levels.0.indicators.0.text.en',
        message: 'the English text is missing; add `en:` with the translation',
      },
    ],
  },
  'a glossary expansion with no English': {
    file: P3K,
    from: '  en: Pegawai Pemerintah dengan Perjanjian Kerja (en)\n',
    to: '',
    issues: [{ field: 'expansion.en', message: 'the English text is missing; add `en:` with the translation' }],
  },
  'a text with no Indonesian': {
    file: LEAD,
    from: '  id: Peran Ketua\n',
    to: '',
    issues: [{ field: 'name.id', message: "the Indonesian text is missing; add `id:` with the draft's wording" }],
  },
  'a legal-basis key used twice (it becomes an HTML id)': {
    file: SOURCE,
    from: '    title: Peraturan Uji Nomor 1 Tahun 2022\n',
    to: '    title: Peraturan Uji Nomor 1 Tahun 2022\n  - key: basis-uji\n    citation: Peraturan Uji 2/2022\n    title: Peraturan Uji Nomor 2 Tahun 2022\n',
    issues: [
      {
        field: 'legalBasis.1.key',
        message:
          'key "basis-uji" is already used by legalBasis.0.key; the key is the law\'s link anchor (#key) on the page, so give each law its own',
      },
    ],
  },
  'a prerequisite key used twice': {
    file: SOURCE,
    from: '      en: Standar Dasar Uji (en)\n',
    to: '      en: Standar Dasar Uji (en)\n  - key: basic-standard\n    name:\n      id: Lagi\n      en: Again\n',
    issues: [
      {
        field: 'prerequisites.1.key',
        message:
          'key "basic-standard" is already used by prerequisites.0.key; roles name a prerequisite by its key, so give each its own',
      },
    ],
  },
  'an alias that repeats its own term': {
    file: PNS,
    from: 'term: PNS\n',
    to: 'term: PNS\naliases: [pns]\n',
    issues: [{ field: 'aliases.0', message: '"pns" repeats term of this entry; remove the repeat' }],
  },
  "an alias that is another entry's term, in other letter case": {
    file: PNS,
    from: 'term: PNS\n',
    to: 'term: PNS\naliases: [p3k]\n',
    issues: [
      {
        field: 'aliases.0',
        message: `"p3k" is already defined by ${P3K} (term); a term or alias names one entry, so merge the two entries or remove this one`,
      },
    ],
  },
  'a phone number in a consultation channel': {
    file: SOURCE,
    from: 'channel: example.org/masukan',
    to: 'channel: WhatsApp 0812-0000-0000',
    issues: [{ field: 'consultation.channel', message: PHONE }],
  },
  'a phone number in a glossary description (international format)': {
    file: P3K,
    from: '\nexpansion:',
    to: '\ndescription:\n  id: Tanya di +62 812 0000 0000.\n  en: Ask at +62 812 0000 0000.\nexpansion:',
    issues: [
      { field: 'description.id', message: PHONE },
      { field: 'description.en', message: PHONE },
    ],
  },
  'a landline number in a role duty': {
    file: SUPPORT,
    from: '    en: first supporting duty;',
    to: '    en: first supporting duty, (021) 000-0000;',
    issues: [{ field: 'duties.0.en', message: PHONE }],
  },
  'a phone number in the body of an entry': {
    file: LEAD,
    from: /---\n$/,
    to: '---\n\nHubungi 081200000000.\n',
    issues: [{ field: 'body, line 21', message: PHONE }],
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

  const collision = (file: string, slug: string, kept: string) => ({
    file,
    field: 'file name',
    message: `has the same slug "${slug}" as ${kept} (letter case and extension do not tell entries apart, so both would be one page); merge the two files or give this one another name`,
  });

  test('a role copied under another letter case is refused, not counted as another role', async () => {
    await cp(join(root, LEAD), join(root, 'src/content/roles/Lead.mdx'));
    await expectIssues([collision('src/content/roles/Lead.mdx', 'lead', LEAD)]);
  });

  test('an entry copied under another extension is refused', async () => {
    await cp(join(root, P3K), join(root, 'src/content/glossary/p3k.md'));
    await expectIssues([collision('src/content/glossary/p3k.md', 'p3k', P3K)]);
  });

  test('narrative pages whose slugs differ only in letter case are refused', async () => {
    await mkdir(join(root, 'src/content/docs/en'), { recursive: true });
    await writeFile(join(root, 'src/content/docs/en/about.md'), '---\ntitle: About\n---\n');
    await writeFile(join(root, 'src/content/docs/en/About.mdx'), '---\ntitle: About\n---\n');
    await expectIssues([collision('src/content/docs/en/About.mdx', 'en/about', 'src/content/docs/en/about.md')]);
  });

  test('an entry file name that is not a lowercase key is refused', async () => {
    await rename(join(root, SUPPORT), join(root, 'src/content/roles/Support_Role.mdx'));
    await expectIssues([
      {
        file: 'src/content/roles/Support_Role.mdx',
        field: 'file name',
        message:
          'the file name becomes the entry\'s id and URL, so it must be lowercase letters, digits and single dashes; rename it to "support-role.mdx"',
      },
    ]);
  });

  test('an entry saved with another extension is refused, not silently skipped', async () => {
    await rename(join(root, SUPPORT), join(root, 'src/content/roles/support.md'));
    await expectIssues([
      {
        file: 'src/content/roles/support.md',
        field: 'file name',
        message: 'only .mdx files are read as entries here; rename it to "support.mdx" or move it out of the folder',
      },
    ]);
  });

  test('the same glossary term defined in two files', async () => {
    await cp(join(root, P3K), join(root, 'src/content/glossary/pppk.mdx'));
    await expectIssues([
      {
        file: 'src/content/glossary/pppk.mdx',
        field: 'term',
        message: `"P3K" is already defined by ${P3K} (term); a term or alias names one entry, so merge the two entries or remove this one`,
      },
    ]);
  });

  test('a phone number in a narrative page or a UI string', async () => {
    await mkdir(join(root, 'src/content/docs'), { recursive: true });
    await mkdir(join(root, 'src/content/i18n'), { recursive: true });
    await writeFile(join(root, 'src/content/docs/kontak.md'), '---\ntitle: Kontak\n---\n\nTelepon:\n0812 0000 0000\n');
    await writeFile(
      join(root, 'src/content/i18n/id.json'),
      JSON.stringify({ 'kkt.contact': 'Hubungi 62-812-0000-0000' }),
    );
    await expectIssues([
      { file: 'src/content/docs/kontak.md', field: 'body, line 6', message: PHONE },
      { file: 'src/content/i18n/id.json', field: 'kkt.contact', message: PHONE },
    ]);
  });

  test('invalid JSON in a UI-strings file names the file', async () => {
    await mkdir(join(root, 'src/content/i18n'), { recursive: true });
    await writeFile(join(root, 'src/content/i18n/en.json'), '{ "kkt.x": "a", }');
    await expectIssues([
      { file: 'src/content/i18n/en.json', field: '', message: expect.stringMatching(/^the file is not valid JSON: /) },
    ]);
  });

  test('a code matching the declared pattern is accepted', async () => {
    await edit(ALPHA, 'code: null', 'code: KTLPSE01');
    const { issues, dictionary } = await checkContent(root);
    expect(issues).toEqual([]);
    expect(dictionary?.competencies[0]?.code).toBe('KTLPSE01');
  });

  test('a real leap day is accepted and read as that day', async () => {
    await edit(SOURCE, 'date: 2022-11-04', 'date: 2024-02-29');
    const { dictionary } = await checkContent(root);
    expect(dictionary?.source.date.toISOString()).toBe('2024-02-29T00:00:00.000Z');
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
