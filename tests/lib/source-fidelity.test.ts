// Source fidelity: the dictionary in src/content matches LKPP's draft (the parsed seed markdown) word for word.
import { describe, expect, test } from 'vitest';
import { checkContent } from '../../src/lib/load-files.ts';
import { roleStandard, type Competency, type Role } from '../../src/lib/model.ts';
import {
  italics,
  loadSeed,
  normalize,
  parseSeed,
  contactPerson,
  MADE_UP_LANDLINES,
  MADE_UP_PHONES,
  PHONE_PATTERN,
  phoneDigits,
  projectRoot,
  readSeedText,
  seedIndicators,
  type SeedCompetency,
  type SeedRole,
} from '../support/seed.ts';

const seed = loadSeed();
const { issues, dictionary } = await checkContent(projectRoot);

/** The content competency in the seed's position (content `order` = the draft's section number). */
const contentCompetency = (number: number): Competency | undefined =>
  dictionary?.competencies.find((competency) => competency.order === number);
/** The content role the leveling table names in its column header. */
const contentRole = (column: string): Role | undefined =>
  dictionary?.roles.find((role) => normalize(role.name.id) === normalize(column));
/** The seed competency a content competency's name denotes. */
const seedCompetencyNamed = (name: string): SeedCompetency | undefined =>
  seed.competencies.find((competency) => normalize(competency.name) === normalize(name));

describe('seed parser', () => {
  test('finds the three competency sections with 17, 15 and 16 indicators (48 in all)', () => {
    expect(seed.competencies.map(({ number }) => number)).toEqual([1, 2, 3]);
    expect(seed.competencies.map((competency) => seedIndicators(competency).length)).toEqual([17, 15, 16]);
    expect(seed.competencies.flatMap(seedIndicators)).toHaveLength(48);
  });

  test('finds 15 level descriptions: levels 1 to 5 of each competency, none empty', () => {
    for (const competency of seed.competencies) {
      expect(competency.levels.map(({ level }) => level)).toEqual([1, 2, 3, 4, 5]);
    }
    const descriptions = seed.competencies.flatMap(({ levels }) => levels.map(({ description }) => description));
    expect(descriptions).toHaveLength(15);
    for (const description of descriptions) expect(normalize(description).length).toBeGreaterThan(20);
  });

  test('numbers indicators level.position without gaps, and every text is a non-empty sentence', () => {
    for (const competency of seed.competencies) {
      for (const level of competency.levels) {
        expect(level.indicators.map(({ no }) => no)).toEqual(
          level.indicators.map((_, index) => `${level.level}.${index + 1}`),
        );
        for (const indicator of level.indicators) {
          expect(normalize(indicator.text), `${competency.number} / ${indicator.no}`).toMatch(
            /^\p{Lu}\p{Ll}+ .{10,}$/u,
          );
          // A number left inside a text would mean the split missed an indicator.
          expect(indicator.text, `${competency.number} / ${indicator.no}`).not.toMatch(/(^|\s)\d\.\d/);
        }
      }
    }
  });

  test('reads the lettered sub-items a–c of indicator 2.4 of the first competency, and no others', () => {
    const withItems = seed.competencies.flatMap((competency) =>
      seedIndicators(competency)
        .filter(({ items }) => items.length > 0)
        .map(({ no, items }) => ({ competency: competency.number, no, keys: items.map(({ key }) => key) })),
    );
    expect(withItems).toEqual([{ competency: 1, no: '2.4', keys: ['a', 'b', 'c'] }]);
    const [item] = seedIndicators(seed.competencies[0]!).find(({ no }) => no === '2.4')!.items;
    expect(item!.text).not.toContain('<');
  });

  test('reads each competency name, definition and blank code from its header rows', () => {
    for (const competency of seed.competencies) {
      expect(competency.name).toMatch(/^Pengelolaan /);
      expect(normalize(competency.heading).toUpperCase()).toContain(normalize(competency.name).toUpperCase());
      expect(competency.definition.length).toBeGreaterThan(100);
      expect(competency.code).toBeNull();
    }
  });

  test('reads four role sections, each tied to its own column of the leveling table', () => {
    expect(seed.leveling.columns).toHaveLength(4);
    expect(seed.roles).toHaveLength(4);
    expect(new Set(seed.roles.map(({ column }) => column))).toEqual(
      new Set(seed.leveling.columns.map(({ role }) => role)),
    );
    for (const role of seed.roles) expect(role.summary !== null || role.duties.length > 0, role.title).toBe(true);
  });

  test("each role section's own standard table agrees with the leveling table", () => {
    for (const role of seed.roles) {
      const fromTable = new Map(
        [...seed.leveling.levels].flatMap(([competency, levels]) => {
          const level = levels.get(role.column);
          return level === null || level === undefined ? [] : [[competency, level] as const];
        }),
      );
      expect(role.standard, role.title).toEqual(fromTable);
      expect(role.prerequisites, role.title).toEqual(seed.leveling.prerequisites);
    }
  });

  test("reads each role section's standard as rows numbered 1, 2, 3 … holding exactly its entries", () => {
    for (const role of seed.roles) {
      expect(
        role.rows.map(({ no }) => no),
        role.title,
      ).toEqual(role.rows.map((_, index) => index + 1));
      expect(role.rows.filter(({ level }) => level === null).map(({ name }) => name)).toEqual(role.prerequisites);
      expect(new Map(role.rows.flatMap(({ name, level }) => (level === null ? [] : [[name, level]])))).toEqual(
        role.standard,
      );
    }
    // A role that leaves a competency out ("-" in the levelling table) has fewer rows, not a gap.
    expect(new Set(seed.roles.map(({ rows }) => rows.length)).size).toBeGreaterThan(1);
  });

  test('the leveling table covers every competency section by name', () => {
    expect([...seed.leveling.levels.keys()].map(normalize)).toEqual(
      seed.competencies.map(({ name }) => normalize(name)),
    );
  });

  test('normalize makes the seed and content conventions comparable', () => {
    expect(normalize('melakukan <i>upgrade</i> , mengelola')).toBe('melakukan upgrade, mengelola');
    expect(normalize('melakukan *upgrade*, mengelola')).toBe('melakukan upgrade, mengelola');
    expect(normalize('<p>4.1 Mampu  melakukan\n evaluasi.</p>')).toBe('4.1 Mampu melakukan evaluasi');
    expect(normalize('sesuai dengan standar;')).toBe('sesuai dengan standar');
    expect(normalize('( perubahan informasi )')).toBe('(perubahan informasi)');
    expect(normalize('Mampu membuat laporan mengenai:')).toBe('Mampu membuat laporan mengenai:');
    expect(normalize('dan/atau')).not.toBe(normalize('dan/'));
  });

  test('rejects a document without the expected structure, and names a missing seed file', () => {
    expect(() => parseSeed('# Something else\n')).toThrow(/seed:/);
    expect(() => readSeedText('/nonexistent/kkt.md')).toThrow(/Seed document not found at \/nonexistent\/kkt\.md/);
  });

  test('the phone-number pattern recognises the contact number the letter carries, and made-up numbers in every format', () => {
    // The real number is read from the seed at run time and never written into a tracked file.
    const { phone } = contactPerson(seed);
    expect(PHONE_PATTERN.test(phone)).toBe(true);
    for (const format of MADE_UP_PHONES) {
      expect(format).toMatch(PHONE_PATTERN);
      expect(phoneDigits(format)).toBe('81200000000');
    }
    for (const format of MADE_UP_LANDLINES) expect(format).toMatch(PHONE_PATTERN);
    for (const other of ['1.0.30001826', '28402/D.3.1/11/2022', 'SK202211040014', '2022-11-04', '04 November 2022']) {
      expect(other).not.toMatch(PHONE_PATTERN);
    }
  });

  test('reads the contact person from the letter, to keep them out of the site and the repository', () => {
    const { nameWords, phone } = contactPerson(seed);
    expect(nameWords.length).toBeGreaterThan(0);
    // A boolean, so a failure never prints the number.
    expect(/^8\d{8,11}$/.test(phoneDigits(phone))).toBe(true);
  });
});

describe('content files', () => {
  test('are valid and build a dictionary', () => {
    expect(issues).toEqual([]);
    expect(dictionary).toBeDefined();
  });

  test('name the letter the draft came with: its number as the letter writes it, and its date', () => {
    expect(seed.text).toContain(dictionary!.source.number);
    expect(dictionary!.source.number).toBe('28402/D.3.1/11/2022');
    expect(dictionary!.source.date.toISOString()).toBe('2022-11-04T00:00:00.000Z');
    expect(dictionary!.source.file).toBe('src/content/source/kkt-sk-pengelola-lpse.mdx');
  });

  test('hold exactly the competencies of the draft, in its order', () => {
    expect(dictionary!.competencies.map(({ order }) => order)).toEqual(seed.competencies.map(({ number }) => number));
  });

  test('hold exactly the roles of the leveling table', () => {
    expect(new Set(dictionary!.roles.map(({ name }) => normalize(name.id)))).toEqual(
      new Set(seed.leveling.columns.map(({ role }) => normalize(role))),
    );
  });

  test('name the prerequisite standards the leveling table lists without levels', () => {
    expect(dictionary!.prerequisites.map(({ name }) => normalize(name.id))).toEqual(
      seed.leveling.prerequisites.map(normalize),
    );
  });

  test('define in the glossary every abbreviation the draft explains under the leveling table', () => {
    expect(seed.leveling.notes.size).toBeGreaterThan(0);
    for (const [abbreviation, expansion] of seed.leveling.notes) {
      const term = dictionary!.glossary.find(({ term }) => term === abbreviation);
      expect(term, abbreviation).toBeDefined();
      expect(normalize(term!.expansion.id), abbreviation).toBe(normalize(expansion));
      expect(term!.provenance.expansion, `${abbreviation} is explained in the draft's notes`).toBe('draft-notes');
    }
    const fromNotes = dictionary!.glossary
      .filter(({ provenance }) => provenance.expansion === 'draft-notes')
      .map(({ term }) => term);
    expect(new Set(fromNotes)).toEqual(new Set(seed.leveling.notes.keys()));
  });

  test('every glossary entry declares where its expansion comes from, and the draft holds what it attributes to it', () => {
    const letter = normalize(seed.text);
    for (const term of dictionary!.glossary) {
      const { expansion, expansionSource } = term.provenance;
      if (expansion === 'elsewhere') {
        expect(expansionSource, term.term).toBeTruthy();
      } else {
        // Written out in the draft: the acronym and its expansion both occur in the seed's text.
        expect(letter, term.term).toContain(term.term);
        expect(letter, term.term).toContain(normalize(term.expansion.id));
      }
    }
  });

  test('every glossary acronym occurs in the draft or in this site’s own texts', async () => {
    const { execFileSync } = await import('node:child_process');
    const siteText = execFileSync(
      'git',
      ['grep', '-h', '-I', '-e', '.', '--', 'src/content/docs', 'src/content/i18n'],
      {
        cwd: projectRoot,
        encoding: 'utf8',
      },
    );
    for (const { term } of dictionary!.glossary) {
      expect(seed.text.includes(term) || siteText.includes(term), term).toBe(true);
    }
  });
});

describe.each(seed.competencies)('competency $number: $name', (source) => {
  const competency = () => {
    const found = contentCompetency(source.number);
    expect(found, `no content competency with order ${source.number}`).toBeDefined();
    return found!;
  };
  const contentIndicators = () => competency().levels.flatMap(({ indicators }) => indicators);

  test('name equals the draft', () => {
    expect(normalize(competency().name.id)).toBe(normalize(source.name));
  });

  test('definition equals the draft, with the same words in italics', () => {
    expect(normalize(competency().definition.id)).toBe(normalize(source.definition));
    expect(italics(competency().definition.id)).toEqual(italics(source.definition));
  });

  test('code is unassigned, as the draft leaves it blank', () => {
    expect(competency().code).toBe(source.code);
  });

  test('level descriptions equal the draft, with the same words in italics', () => {
    expect(competency().levels.map(({ level }) => level)).toEqual(source.levels.map(({ level }) => level));
    for (const level of source.levels) {
      const content = competency().levels.find((entry) => entry.level === level.level);
      expect(normalize(content!.description.id), `level ${level.level}`).toBe(normalize(level.description));
      expect(italics(content!.description.id), `level ${level.level}`).toEqual(italics(level.description));
    }
  });

  test('indicator numbers equal the draft, level by level', () => {
    expect(new Set(contentIndicators().map(({ no }) => no))).toEqual(
      new Set(seedIndicators(source).map(({ no }) => no)),
    );
    for (const level of source.levels) {
      const content = competency().levels.find((entry) => entry.level === level.level);
      expect(
        content!.indicators.map(({ no }) => no),
        `level ${level.level}`,
      ).toEqual(level.indicators.map(({ no }) => no));
    }
  });

  test.each(seedIndicators(source))('indicator $no: text and sub-items equal the draft', (indicator) => {
    const content = contentIndicators().find(({ no }) => no === indicator.no);
    expect(content, `indicator ${indicator.no} is missing from the content`).toBeDefined();
    expect(content!.level).toBe(indicator.level);
    expect(normalize(content!.text.id)).toBe(normalize(indicator.text));
    expect(italics(content!.text.id)).toEqual(italics(indicator.text));
    expect(content!.items.map(({ key, text }) => ({ key, text: normalize(text.id) }))).toEqual(
      indicator.items.map(({ key, text }) => ({ key, text: normalize(text) })),
    );
  });
});

describe.each(seed.roles)('role $column ($title)', (source: SeedRole) => {
  const role = () => {
    const found = contentRole(source.column);
    expect(found, `no content role named "${source.column}"`).toBeDefined();
    return found!;
  };
  const column = () => seed.leveling.columns.find(({ role: name }) => name === source.column)!;

  test("its name or one of its aliases is the title of the draft's role section", () => {
    const names = [role().name, ...role().aliases].map(({ id }) => normalize(id).toLocaleUpperCase('id'));
    expect(names).toContain(normalize(source.title).toLocaleUpperCase('id'));
  });

  test('job summary (Ikhtisar Jabatan) equals the draft', () => {
    expect(role().summary ? normalize(role().summary!.id) : null).toBe(
      source.summary ? normalize(source.summary) : null,
    );
  });

  test('duties equal the draft, in order', () => {
    expect(role().duties.map(({ id }) => normalize(id))).toEqual(source.duties.map(normalize));
  });

  test('required levels equal the leveling table', () => {
    const required = Object.fromEntries(
      role().requirements.map(({ competency, level }) => {
        const seedCompetency = seedCompetencyNamed(competency.name.id);
        expect(seedCompetency, `content competency "${competency.name.id}" is not in the draft`).toBeDefined();
        return [normalize(seedCompetency!.name), level?.level ?? null];
      }),
    );
    const expected = Object.fromEntries(
      [...seed.leveling.levels].map(([competency, levels]) => [normalize(competency), levels.get(source.column)]),
    );
    expect(required).toEqual(expected);
  });

  test("the standard's numbered rows equal the role section's: same numbers, order, names and levels", () => {
    const rows = roleStandard(role()).rows.map((row) =>
      row.kind === 'prerequisite'
        ? { no: row.no, name: normalize(row.prerequisite.name.id), level: null }
        : { no: row.no, name: normalize(row.competency.name.id), level: row.level.level },
    );
    expect(rows).toEqual(source.rows.map(({ no, name, level }) => ({ no, name: normalize(name), level })));
  });

  test('prerequisites equal the role section', () => {
    expect(role().prerequisites.map(({ name }) => normalize(name.id))).toEqual(source.prerequisites.map(normalize));
  });

  test('eligibility equals the leveling-table column header', () => {
    expect(
      role().eligibility.map(({ status, positions }) => ({
        status: status.term,
        positions: positions.map(({ term }) => term),
      })),
    ).toEqual(column().eligibility);
  });
});
