// The real dictionary built from src/content, checked against the draft's leveling table and counts, plus privacy of the content.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { checkContent } from '../../src/lib/load-files.ts';
import {
  allIndicators,
  indicatorAnchor,
  indicatorsUpTo,
  levelAnchor,
  localize,
  localizer,
  type Competency,
  type Role,
} from '../../src/lib/model.ts';
import { formatIssues } from '../../src/lib/validate.ts';
import { contactPerson, loadSeed, maskDigits, PHONE_PATTERN } from '../support/seed.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { issues, dictionary } = await checkContent(root);
if (!dictionary) throw new Error(`The real content does not validate:\n${formatIssues(issues)}`);

const COMPETENCIES = ['layanan-lpse', 'keamanan-informasi', 'aplikasi-spse'] as const;
type CompetencyKey = (typeof COMPETENCIES)[number];

/** Indicators per level 1–5 in the draft's dictionary section (sections 1, 2, 3). */
const INDICATORS_PER_LEVEL: Record<CompetencyKey, number[]> = {
  'layanan-lpse': [3, 4, 4, 3, 3],
  'keamanan-informasi': [3, 3, 3, 3, 3],
  'aplikasi-spse': [3, 3, 4, 3, 3],
};

/** The draft's "Leveling Standar Kompetensi Pengelola LPSE": column name, eligibility as written, levels ("-" is null). */
const LEVELING: Record<string, { name: string; eligibility: string; levels: Record<CompetencyKey, number | null> }> = {
  koordinator: {
    name: 'Koordinator LPSE',
    eligibility: 'P3K (JF MI/JF Prakom), atau PNS (JF MI/JF Prakom/PPBJ)',
    levels: { 'layanan-lpse': 3, 'keamanan-informasi': 3, 'aplikasi-spse': 2 },
  },
  'admin-sistem': {
    name: 'Admin Sistem',
    eligibility: 'P3K (JF MI/JF Prakom), atau PNS (JF MI/JF Prakom)',
    levels: { 'layanan-lpse': 1, 'keamanan-informasi': 4, 'aplikasi-spse': 4 },
  },
  verifikator: {
    name: 'Verifikator',
    eligibility: 'P3K (JF Prakom), atau PNS (JF Prakom)',
    levels: { 'layanan-lpse': 2, 'keamanan-informasi': null, 'aplikasi-spse': 2 },
  },
  helpdesk: {
    name: 'Helpdesk',
    eligibility: 'P3K (JF Prakom), atau PNS (JF Prakom)',
    levels: { 'layanan-lpse': 2, 'keamanan-informasi': 1, 'aplikasi-spse': 2 },
  },
};

const competency = (slug: string): Competency => dictionary.competencies.find((c) => c.slug === slug)!;

/** The role's eligibility written the way the leveling table's column header writes it. */
const eligibilityText = (role: Role) =>
  role.eligibility
    .map(({ status, positions }) => `${status.term} (${positions.map((p) => p.term).join('/')})`)
    .join(', atau ');

describe('competencies', () => {
  test('three competencies in the draft order, each with levels 1 to 5', () => {
    expect(dictionary.competencies.map((c) => c.slug)).toEqual(COMPETENCIES);
    expect(dictionary.competencies.map((c) => c.order)).toEqual([1, 2, 3]);
    for (const c of dictionary.competencies) expect(c.levels.map((l) => l.level)).toEqual([1, 2, 3, 4, 5]);
    expect(dictionary.competencies.flatMap((c) => c.levels)).toHaveLength(15);
  });

  test('48 indicators: 17, 15 and 16, with the draft count per level', () => {
    expect(dictionary.competencies.map((c) => allIndicators(c).length)).toEqual([17, 15, 16]);
    expect(dictionary.competencies.flatMap(allIndicators)).toHaveLength(48);
    for (const slug of COMPETENCIES) {
      expect(
        competency(slug).levels.map((l) => l.indicators.length),
        slug,
      ).toEqual(INDICATORS_PER_LEVEL[slug]);
    }
  });

  test('every indicator knows its competency, level and position, matching its number', () => {
    for (const c of dictionary.competencies) {
      for (const level of c.levels) {
        expect(level.competency).toBe(c);
        level.indicators.forEach((indicator, index) => {
          expect(indicator.competency).toBe(c);
          expect(indicator.level).toBe(level.level);
          expect(indicator.position).toBe(index + 1);
          expect(indicator.no).toBe(`${level.level}.${index + 1}`);
        });
      }
    }
  });

  test('only indicator 2.4 of layanan-lpse has sub-items, lettered a to c', () => {
    const withItems = dictionary.competencies.flatMap(allIndicators).filter((i) => i.items.length > 0);
    expect(withItems.map((i) => `${i.competency.slug} ${i.no}`)).toEqual(['layanan-lpse 2.4']);
    expect(withItems[0]!.items.map((item) => item.key)).toEqual(['a', 'b', 'c']);
    expect(withItems[0]!.items.map((item) => item.text.id)).toEqual([
      'Pelaksanaan layanan utama SPSE',
      'Pemeliharaan komponen pendukung layanan SPSE',
      'Kebutuhan pembiayaan komponen pendukung layanan SPSE',
    ]);
  });

  test('every competency code is null: the draft leaves them blank', () => {
    expect(dictionary.competencies.map((c) => c.code)).toEqual([null, null, null]);
  });
});

describe('indicatorsUpTo', () => {
  test('is cumulative: level n holds the indicators of levels 1 to n', () => {
    for (const slug of COMPETENCIES) {
      const c = competency(slug);
      let total = 0;
      for (const [index, count] of INDICATORS_PER_LEVEL[slug].entries()) {
        total += count;
        const upTo = indicatorsUpTo(c, index + 1);
        expect(upTo, `${slug} up to level ${index + 1}`).toHaveLength(total);
        expect(upTo.every((indicator) => indicator.level <= index + 1)).toBe(true);
      }
    }
  });

  test('lists indicators level by level in their order', () => {
    expect(indicatorsUpTo(competency('layanan-lpse'), 2).map((i) => i.no)).toEqual([
      '1.1',
      '1.2',
      '1.3',
      '2.1',
      '2.2',
      '2.3',
      '2.4',
    ]);
  });

  test('holds nothing below level 1, and allIndicators equals level 5', () => {
    const c = competency('aplikasi-spse');
    expect(indicatorsUpTo(c, 0)).toEqual([]);
    expect(allIndicators(c)).toEqual(indicatorsUpTo(c, 5));
  });
});

describe('anchors', () => {
  test('levelAnchor and indicatorAnchor', () => {
    expect(levelAnchor(3)).toBe('level-3');
    expect(indicatorAnchor('3.2')).toBe('indikator-3-2');
  });

  test('built levels and indicators carry their anchors, unique on each competency page', () => {
    const c = competency('keamanan-informasi');
    expect(c.levels[2]!.anchor).toBe('level-3');
    expect(c.levels[2]!.indicators[1]!.anchor).toBe('indikator-3-2');
    for (const { slug, levels } of dictionary.competencies) {
      const anchors = levels.flatMap((l) => [l.anchor, ...l.indicators.map((i) => i.anchor)]);
      expect(new Set(anchors).size, slug).toBe(anchors.length);
    }
  });
});

describe('localize', () => {
  const both = { id: 'Pegawai Negeri Sipil', en: 'Civil Servant' };

  test('returns the text in the requested language', () => {
    expect(localize(both, 'en')).toBe('Civil Servant');
    expect(localize(both, 'id')).toBe('Pegawai Negeri Sipil');
    expect(localizer('en')(both)).toBe('Civil Servant');
  });

  // Every text has both languages (the schema requires them); another language falls back to Indonesian.
  test('falls back to Indonesian for a language the dictionary is not written in', () => {
    expect(localize(both, 'fr')).toBe('Pegawai Negeri Sipil');
    expect(localizer('fr')(both)).toBe('Pegawai Negeri Sipil');
  });
});

describe('roles and the leveling table', () => {
  test('four roles in the table column order, named as the table names them', () => {
    expect(dictionary.roles.map((r) => r.slug)).toEqual(Object.keys(LEVELING));
    expect(dictionary.roles.map((r) => r.name.id)).toEqual(Object.values(LEVELING).map((column) => column.name));
  });

  test('required levels match the table, with "-" as not required', () => {
    for (const role of dictionary.roles) {
      expect(role.requirements.map((r) => r.competency.slug)).toEqual(COMPETENCIES);
      const levels = Object.fromEntries(role.requirements.map((r) => [r.competency.slug, r.level?.level ?? null]));
      expect(levels, role.slug).toEqual(LEVELING[role.slug]!.levels);
    }
  });

  test('a requirement points at the level object of its own competency', () => {
    for (const role of dictionary.roles) {
      for (const { competency: c, level } of role.requirements) {
        if (level) expect(c.levels).toContain(level);
      }
    }
  });

  test('level.requiredBy is the exact inverse of the role requirements', () => {
    for (const c of dictionary.competencies) {
      for (const level of c.levels) {
        const requiring = dictionary.roles.filter((role) =>
          role.requirements.some((r) => r.competency === c && r.level === level),
        );
        expect(level.requiredBy, `${c.slug} ${level.anchor}`).toEqual(requiring);
      }
    }
    const links = dictionary.competencies.flatMap((c) => c.levels).flatMap((l) => l.requiredBy);
    expect(links).toHaveLength(11);
  });

  test('requiredBy by the table: who needs layanan-lpse level 2, and nobody needs level 5', () => {
    const layanan = competency('layanan-lpse');
    expect(layanan.levels[1]!.requiredBy.map((r) => r.slug)).toEqual(['verifikator', 'helpdesk']);
    expect(dictionary.competencies.flatMap((c) => c.levels[4]!.requiredBy)).toEqual([]);
  });

  test('eligibility reads as the table header writes it', () => {
    for (const role of dictionary.roles)
      expect(eligibilityText(role), role.slug).toBe(LEVELING[role.slug]!.eligibility);
  });

  test('Koordinator: P3K with JF MI or JF Prakom, PNS also with PPBJ; Verifikator and Helpdesk: JF Prakom only', () => {
    const keys = (slug: string) =>
      dictionary.roles
        .find((r) => r.slug === slug)!
        .eligibility.map(({ status, positions }) => ({ status: status.slug, positions: positions.map((p) => p.slug) }));
    expect(keys('koordinator')).toEqual([
      { status: 'p3k', positions: ['jf-mi', 'jf-prakom'] },
      { status: 'pns', positions: ['jf-mi', 'jf-prakom', 'ppbj'] },
    ]);
    for (const slug of ['verifikator', 'helpdesk']) {
      expect(keys(slug), slug).toEqual([
        { status: 'p3k', positions: ['jf-prakom'] },
        { status: 'pns', positions: ['jf-prakom'] },
      ]);
    }
  });

  test('every role requires "Standar Kompetensi PBJP Level-1" first', () => {
    expect(dictionary.prerequisites.map((p) => p.name.id)).toEqual(['Standar Kompetensi PBJP Level-1']);
    for (const role of dictionary.roles) {
      expect(
        role.prerequisites.map((p) => p.name.id),
        role.slug,
      ).toEqual(['Standar Kompetensi PBJP Level-1']);
    }
  });
});

describe('privacy of the content', () => {
  async function contentFiles(dir: string): Promise<string[]> {
    const entries = await readdir(dir, { withFileTypes: true });
    const nested = entries.map((e) => (e.isDirectory() ? contentFiles(join(dir, e.name)) : [join(dir, e.name)]));
    return (await Promise.all(nested)).flat();
  }

  test('no content file holds a phone number or any word of the contact person’s name', async () => {
    // Read from the letter at run time: the repository itself must not hold the name.
    const { nameWords } = contactPerson(loadSeed());
    const nameWord = new RegExp(`\\b(?:${nameWords.join('|')})\\b`, 'iu');
    const files = await contentFiles(join(root, 'src', 'content'));
    expect(files.length).toBeGreaterThan(25);
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      const name = relative(root, file);
      expect(maskDigits(text.match(PHONE_PATTERN)?.[0] ?? ''), `${name} holds a phone number`).toBe('');
      expect(nameWord.test(text), `${name} holds a word of the contact person's name`).toBe(false);
    }
  });
});

describe('source', () => {
  test('is LKPP letter 28402/D.3.1/11/2022 of 4 November 2022', () => {
    expect(dictionary.source.number).toBe('28402/D.3.1/11/2022');
    expect(dictionary.source.date.toISOString()).toBe('2022-11-04T00:00:00.000Z');
    expect(dictionary.source.file).toBe('src/content/source/kkt-sk-pengelola-lpse.mdx');
  });
});
