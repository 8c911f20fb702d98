// The model built from the fixture dictionary (tests/fixtures/valid/): links between entries, the
// cumulative reading, anchors, required levels and their inverse, eligibility and prerequisites, each
// checked against what the fixture's files say, worked out by hand. The real content is checked against
// the draft by source-fidelity.test.ts.
import { describe, expect, test } from 'vitest';
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
import { loadFixtureDictionary } from '../support/fixture.ts';

const dictionary = await loadFixtureDictionary();

const competency = (slug: string): Competency => dictionary.competencies.find((c) => c.slug === slug)!;
const role = (slug: string): Role => dictionary.roles.find((r) => r.slug === slug)!;

describe('competencies', () => {
  test('in their order, each with levels 1 to 5 and the indicators its file lists per level', () => {
    expect(dictionary.competencies.map((c) => [c.slug, c.order])).toEqual([
      ['alpha', 1],
      ['beta', 2],
    ]);
    for (const c of dictionary.competencies) expect(c.levels.map((l) => l.level)).toEqual([1, 2, 3, 4, 5]);
    expect(competency('alpha').levels.map((l) => l.indicators.length)).toEqual([2, 2, 1, 2, 1]);
    expect(competency('beta').levels.map((l) => l.indicators.length)).toEqual([1, 1, 2, 1, 1]);
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

  test('sub-items stay with their indicator, lettered as written', () => {
    const withItems = dictionary.competencies.flatMap(allIndicators).filter((i) => i.items.length > 0);
    expect(withItems.map((i) => `${i.competency.slug} ${i.no}`)).toEqual(['alpha 2.2']);
    expect(withItems[0]!.items.map((item) => [item.key, item.text.id])).toEqual([
      ['a', 'Rincian pertama'],
      ['b', 'Rincian kedua'],
      ['c', 'Rincian ketiga'],
    ]);
  });

  test('a blank code stays null', () => {
    expect(dictionary.competencies.map((c) => c.code)).toEqual([null, null]);
  });
});

describe('indicatorsUpTo', () => {
  test('is cumulative: level n holds the indicators of levels 1 to n', () => {
    // Alpha's levels hold 2, 2, 1, 2 and 1 indicators.
    expect([1, 2, 3, 4, 5].map((level) => indicatorsUpTo(competency('alpha'), level).length)).toEqual([2, 4, 5, 7, 8]);
    for (const level of [1, 2, 3, 4, 5]) {
      expect(indicatorsUpTo(competency('beta'), level).every((indicator) => indicator.level <= level)).toBe(true);
    }
  });

  test('lists indicators level by level in their order', () => {
    expect(indicatorsUpTo(competency('alpha'), 2).map((i) => i.no)).toEqual(['1.1', '1.2', '2.1', '2.2']);
    expect(indicatorsUpTo(competency('beta'), 3).map((i) => i.no)).toEqual(['1.1', '2.1', '3.1', '3.2']);
  });

  test('holds nothing below level 1, and allIndicators equals level 5', () => {
    const c = competency('beta');
    expect(indicatorsUpTo(c, 0)).toEqual([]);
    expect(allIndicators(c)).toEqual(indicatorsUpTo(c, 5));
    expect(allIndicators(c)).toHaveLength(6);
  });
});

describe('anchors', () => {
  test('levelAnchor and indicatorAnchor', () => {
    expect(levelAnchor(3)).toBe('level-3');
    expect(indicatorAnchor('3.2')).toBe('indikator-3-2');
  });

  test('built levels and indicators carry their anchors, unique on each competency page', () => {
    const c = competency('beta');
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

describe('roles', () => {
  test('in their order, each requiring one level (or nothing: "-") of every competency', () => {
    expect(dictionary.roles.map((r) => r.slug)).toEqual(['lead', 'support']);
    const levels = (slug: string) =>
      role(slug).requirements.map((r) => [r.competency.slug, r.level?.level ?? null] as const);
    expect(levels('lead')).toEqual([
      ['alpha', 3],
      ['beta', 2],
    ]);
    expect(levels('support')).toEqual([
      ['alpha', 1],
      ['beta', null],
    ]);
  });

  test('a requirement points at the level object of its own competency', () => {
    expect(role('lead').requirements[0]!.level).toBe(competency('alpha').levels[2]);
    expect(role('lead').requirements[1]!.level).toBe(competency('beta').levels[1]);
    expect(role('support').requirements[0]!.level).toBe(competency('alpha').levels[0]);
  });

  test('level.requiredBy is the exact inverse of the requirements', () => {
    const requiredBy = dictionary.competencies.flatMap((c) =>
      c.levels.flatMap((l) => l.requiredBy.map((r) => `${c.slug} ${l.level}: ${r.slug}`)),
    );
    expect(requiredBy).toEqual(['alpha 1: support', 'alpha 3: lead', 'beta 2: lead']);
  });

  test('eligibility links statuses and positions to their glossary terms', () => {
    const keys = (slug: string) =>
      role(slug).eligibility.map(
        ({ status, positions }) => `${status.term} (${positions.map((p) => p.term).join('/')})`,
      );
    expect(keys('lead')).toEqual(['P3K (JF Prakom)', 'PNS (JF Prakom/PPBJ)']);
    expect(keys('support')).toEqual(['PNS (JF Prakom)']);
  });

  test('prerequisites link to the source entry’s standards', () => {
    expect(dictionary.prerequisites.map((p) => p.name.id)).toEqual(['Standar Dasar Uji']);
    for (const r of dictionary.roles) expect(r.prerequisites).toEqual(dictionary.prerequisites);
  });
});

describe('source', () => {
  test('number, date as written, and the file it was read from', () => {
    expect(dictionary.source.number).toBe('1/TEST/2022');
    expect(dictionary.source.date.toISOString()).toBe('2022-11-04T00:00:00.000Z');
    expect(dictionary.source.file).toBe('src/content/source/source.mdx');
  });
});
