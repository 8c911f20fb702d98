// The matrix data and logic against the draft's leveling table: values, filters, role comparison and the URL state (with fast-check).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checkContent } from '../../src/lib/load-files.ts';
import {
  compareRoles,
  decodeState,
  encodeState,
  initialState,
  roleMatches,
  visibleRoles,
  type MatrixData,
  type MatrixState,
  withVisibleSelection,
  displayPoint,
} from '../../src/lib/matrix.ts';
import { toMatrixData } from '../../src/lib/matrix-data.ts';
import { formatIssues } from '../../src/lib/validate.ts';
import { indicatorsBetween, matrixTruth, seedRoleMatches, type TruthRole } from '../support/matrix-truth.ts';
import { normalize, projectRoot, seedIndicators, type SeedCompetency } from '../support/seed.ts';

const { issues, dictionary } = await checkContent(projectRoot);
if (!dictionary) throw new Error(`The real content does not validate:\n${formatIssues(issues)}`);

const truth = matrixTruth();
const id = toMatrixData(dictionary, 'id', undefined);
const en = toMatrixData(dictionary, 'en', 'en');

/** The seed column and competency each matrix index stands for (matched by Indonesian name). */
const truthRole = (index: number): TruthRole => {
  const role = truth.roles.find(({ name }) => normalize(name) === normalize(id.roles[index]!.name));
  if (!role) throw new Error(`matrix role ${id.roles[index]!.name} is not a column of the leveling table`);
  return role;
};
const truthCompetency = (index: number): SeedCompetency => {
  const found = truth.competencies.find(({ name }) => normalize(name) === normalize(id.competencies[index]!.name));
  if (!found) throw new Error(`matrix competency ${id.competencies[index]!.name} is not in the draft`);
  return found;
};
const roleIndex = (name: string) => id.roles.findIndex((role) => normalize(role.name) === normalize(name));
const competencyIndex = (name: string) =>
  id.competencies.findIndex((competency) => normalize(competency.name) === normalize(name));
const slugIndex = (slug: string) => id.roles.findIndex((role) => role.slug === slug);

/** The filter option an abbreviation of the draft denotes: its label is the term, then its aliases. */
const optionKey = (options: MatrixData['statuses'], abbreviation: string): string => {
  const option = options.find(({ label }) => label.split(' / ').includes(abbreviation));
  if (!option) throw new Error(`no filter option for ${abbreviation}`);
  return option.key;
};

describe('toMatrixData on the real dictionary', () => {
  test('has the draft’s four roles and three competencies, in the leveling table’s order', () => {
    expect(id.roles.map(({ name }) => normalize(name))).toEqual(truth.roles.map(({ name }) => normalize(name)));
    expect(id.competencies.map(({ name }) => normalize(name))).toEqual(
      truth.competencies.map(({ name }) => normalize(name)),
    );
    expect(id.roles).toHaveLength(4);
    expect(id.competencies).toHaveLength(3);
  });

  test('every one of the 12 cells holds the leveling table’s level (null where it has "-")', () => {
    expect(id.required).toHaveLength(truth.roles.length);
    let cells = 0;
    id.roles.forEach((_, r) => {
      expect(id.required[r]).toHaveLength(id.competencies.length);
      id.competencies.forEach((_, c) => {
        const expected = truth.level(truthRole(r).name, truthCompetency(c).name);
        expect(id.required[r]![c], `${id.roles[r]!.name} x ${id.competencies[c]!.name}`).toBe(expected);
        cells++;
      });
    });
    expect(cells).toBe(12);
    // The one "-" of the table: Verifikator does not require information security.
    const verifikator = roleIndex('Verifikator');
    const security = id.competencies.findIndex((competency) => /Keamanan Informasi/.test(competency.name));
    expect(id.required[verifikator]![security]).toBeNull();
  });

  test('every competency has the draft’s levels 1-5 with their descriptions and numbered indicators', () => {
    id.competencies.forEach((competency, c) => {
      const seedCompetency = truthCompetency(c);
      expect(competency.levels.map(({ level }) => level)).toEqual(seedCompetency.levels.map(({ level }) => level));
      competency.levels.forEach((level, l) => {
        const seedLevel = seedCompetency.levels[l]!;
        expect(normalize(level.description)).toBe(normalize(seedLevel.description));
        expect(level.indicators.map(({ no }) => no)).toEqual(seedLevel.indicators.map(({ no }) => no));
        level.indicators.forEach((indicator, i) => {
          const seedIndicator = seedLevel.indicators[i]!;
          expect(normalize(indicator.text), `${competency.slug} ${indicator.no}`).toBe(normalize(seedIndicator.text));
          expect(indicator.items.map(normalize)).toEqual(
            seedIndicator.items.map(({ key, text }) => normalize(`${key}. ${text}`)),
          );
        });
      });
    });
  });

  test('the prerequisite row names the draft’s standard and marks every role that lists it', () => {
    expect(id.prerequisites.map(({ name }) => normalize(name))).toEqual(truth.prerequisites.map(normalize));
    for (const prerequisite of id.prerequisites) {
      expect(prerequisite.roles).toHaveLength(id.roles.length);
      prerequisite.roles.forEach((held, r) => {
        const listed = truthRole(r).prerequisites.map(normalize).includes(normalize(prerequisite.name));
        expect(held, `${prerequisite.name} for ${id.roles[r]!.name}`).toBe(listed);
        expect(held).toBe(true);
      });
    }
    expect(en.prerequisites.map(({ roles }) => roles)).toEqual(id.prerequisites.map(({ roles }) => roles));
  });

  test('filter options are the statuses and positions of the table: P3K/PPPK, PNS; JF MI, JF Prakom, PPBJ', () => {
    expect(id.statuses.map(({ label }) => label)).toEqual(['P3K / PPPK', 'PNS']);
    expect(id.positions.map(({ label }) => label)).toEqual(['JF MI', 'JF Prakom', 'PPBJ']);
    expect(truth.statuses.map((status) => optionKey(id.statuses, status)).sort()).toEqual(
      id.statuses.map(({ key }) => key).sort(),
    );
    expect(truth.positions.map((position) => optionKey(id.positions, position)).sort()).toEqual(
      id.positions.map(({ key }) => key).sort(),
    );
    // Keys are language-neutral (they go into shared URLs).
    expect(en.statuses.map(({ key }) => key)).toEqual(id.statuses.map(({ key }) => key));
    expect(en.positions.map(({ key }) => key)).toEqual(id.positions.map(({ key }) => key));
  });

  test('role eligibility reads the table’s column headers', () => {
    id.roles.forEach((role, r) => {
      const expected = truthRole(r).eligibility.map(({ status, positions }) => ({
        status: optionKey(id.statuses, status),
        positions: positions.map((position) => optionKey(id.positions, position)),
      }));
      expect(role.eligibility, role.name).toEqual(expected);
    });
  });

  test('links point at the Indonesian pages, and at /en/ pages in English', () => {
    const check = (data: MatrixData, prefix: string) => {
      for (const role of data.roles) expect(role.href).toBe(`${prefix}/peran/${role.slug}/`);
      for (const competency of data.competencies) {
        const page = `${prefix}/kompetensi/${competency.slug}/`;
        expect(competency.href).toBe(page);
        for (const level of competency.levels) {
          expect(level.href).toBe(`${page}#level-${level.level}`);
          for (const indicator of level.indicators) {
            expect(indicator.href).toBe(`${page}#indikator-${indicator.no.replace('.', '-')}`);
          }
        }
      }
    };
    check(id, '');
    check(en, '/en');
  });

  test('the English data has the same structure and values, with English texts', () => {
    expect(en.roles.map(({ slug }) => slug)).toEqual(id.roles.map(({ slug }) => slug));
    expect(en.competencies.map(({ slug }) => slug)).toEqual(id.competencies.map(({ slug }) => slug));
    expect(en.required).toEqual(id.required);
    expect(en.roles.map(({ eligibility }) => eligibility)).toEqual(id.roles.map(({ eligibility }) => eligibility));
    en.competencies.forEach((competency, c) => {
      expect(competency.name).not.toBe(id.competencies[c]!.name);
      expect(competency.levels.map(({ indicators }) => indicators.map(({ no }) => no))).toEqual(
        id.competencies[c]!.levels.map(({ indicators }) => indicators.map(({ no }) => no)),
      );
      competency.levels.forEach((level, l) => {
        expect(level.description).not.toBe(id.competencies[c]!.levels[l]!.description);
      });
    });
    expect(en.roles[roleIndex('Koordinator LPSE')]!.name).toBe('LPSE Coordinator');
    expect(en.prerequisites[0]!.name).not.toBe(id.prerequisites[0]!.name);
  });
});

describe('filters', () => {
  const statusChoices = [null, ...truth.statuses];
  const positionChoices = [null, ...truth.positions];

  test.each(statusChoices.flatMap((status) => positionChoices.map((position) => ({ status, position }))))(
    'status $status, position $position leaves the roles the table allows',
    ({ status, position }) => {
      const state = {
        status: status === null ? null : optionKey(id.statuses, status),
        position: position === null ? null : optionKey(id.positions, position),
      };
      const expected = truth.roles
        .filter((role) => seedRoleMatches(role, status, position))
        .map(({ name }) => roleIndex(name))
        .sort((a, b) => a - b);
      expect(visibleRoles(id, state)).toEqual(expected);
      expect(visibleRoles(en, state)).toEqual(expected);
      id.roles.forEach((role, r) => {
        expect(roleMatches(role, state.status, state.position)).toBe(expected.includes(r));
      });
    },
  );

  test('named cases: no filter shows all, PPBJ only the coordinator, PNS + JF MI coordinator and admin', () => {
    const names = (state: { status: string | null; position: string | null }) =>
      visibleRoles(id, state).map((index) => id.roles[index]!.name);
    expect(names({ status: null, position: null })).toEqual(truth.roles.map(({ name }) => name));
    expect(names({ status: null, position: 'ppbj' })).toEqual(['Koordinator LPSE']);
    expect(names({ status: 'pns', position: 'jf-mi' })).toEqual(['Koordinator LPSE', 'Admin Sistem']);
    expect(names({ status: 'p3k', position: 'ppbj' })).toEqual([]);
    expect(names({ status: 'p3k', position: 'jf-prakom' })).toEqual(truth.roles.map(({ name }) => name));
  });
});

describe('compareRoles', () => {
  const pairs = id.roles.flatMap((_, from) => id.roles.flatMap((_, to) => (from === to ? [] : [{ from, to }])));

  test.each(pairs.map(({ from, to }) => ({ from, to, label: `${id.roles[from]!.name} -> ${id.roles[to]!.name}` })))(
    '$label: per competency, the levels and the indicators of the levels in between',
    ({ from, to }) => {
      const gaps = compareRoles(id, from, to);
      expect(gaps.map(({ competency }) => competency)).toEqual(id.competencies.map((_, index) => index));
      gaps.forEach((gap, c) => {
        const competency = truthCompetency(c);
        const have = truth.level(truthRole(from).name, competency.name);
        const need = truth.level(truthRole(to).name, competency.name);
        expect(gap.from).toBe(have);
        expect(gap.to).toBe(need);
        expect(gap.difference).toBe(Math.max(0, (need ?? 0) - (have ?? 0)));
        expect(gap.toAdd.all.map(({ no }) => no)).toEqual(
          indicatorsBetween(competency, have, need).map(({ no }) => no),
        );
        // The required level's own indicators (what the draft's role table lists) apart from those below it.
        const ownLevel = need !== null && need > (have ?? 0) ? need : null;
        expect(gap.toAdd.own.map(({ no }) => no)).toEqual(
          seedIndicators(competency)
            .filter(({ level }) => level === ownLevel)
            .map(({ no }) => no),
        );
        expect(gap.toAdd.below.map(({ no }) => no)).toEqual(
          seedIndicators(competency)
            .filter(({ level }) => ownLevel !== null && level > (have ?? 0) && level < ownLevel)
            .map(({ no }) => no),
        );
        // The indicators are the data's own (text and link of the competency page).
        for (const indicator of gap.toAdd.all) {
          const level = id.competencies[c]!.levels.find((entry) => entry.indicators.includes(indicator));
          expect(level, indicator.no).toBeDefined();
        }
      });
    },
  );

  test('Helpdesk -> Admin Sistem: information security adds exactly the indicators of levels 2 to 4', () => {
    const gaps = compareRoles(id, roleIndex('Helpdesk'), roleIndex('Admin Sistem'));
    const security = competencyIndex(truth.competencies[1]!.name);
    const gap = gaps[security]!;
    const seedSecurity = truth.competencies[1]!;
    const expected = seedSecurity.levels
      .filter(({ level }) => level >= 2 && level <= 4)
      .flatMap(({ indicators }) => indicators.map(({ no }) => no));
    expect(gap.from).toBe(1);
    expect(gap.to).toBe(4);
    expect(gap.difference).toBe(3);
    expect(gap.toAdd.all.map(({ no }) => no)).toEqual(expected);
    expect(expected).toHaveLength(9);
    expect(gap.toAdd.all.every(({ no }) => /^[234]\./.test(no))).toBe(true);
    // Level 4's own three, as the draft's Admin Sistem table lists them; six of levels 2-3 by the cumulative reading.
    expect(gap.toAdd.own.map(({ no }) => no)).toEqual(expected.filter((no) => no.startsWith('4.')));
    expect(gap.toAdd.below.map(({ no }) => no)).toEqual(expected.filter((no) => !no.startsWith('4.')));
    expect([gap.toAdd.own.length, gap.toAdd.below.length]).toEqual([3, 6]);
  });

  test('where the target role asks no more (or nothing), the difference is 0 and nothing is added', () => {
    // Helpdesk asks Level 2 of LPSE services, Admin Sistem only Level 1.
    const services = competencyIndex(truth.competencies[0]!.name);
    const down = compareRoles(id, roleIndex('Helpdesk'), roleIndex('Admin Sistem'))[services]!;
    expect(truth.level('Helpdesk', truth.competencies[0]!.name)).toBeGreaterThan(
      truth.level('Admin Sistem', truth.competencies[0]!.name)!,
    );
    expect(down.difference).toBe(0);
    expect(down.toAdd.all).toEqual([]);
    // Verifikator does not require information security at all.
    const security = competencyIndex(truth.competencies[1]!.name);
    const none = compareRoles(id, roleIndex('Koordinator LPSE'), roleIndex('Verifikator'))[security]!;
    expect(none).toEqual({
      competency: security,
      from: 3,
      to: null,
      difference: 0,
      toAdd: { from: 3, level: 0, own: [], below: [], all: [], byLevel: [] },
    });
    // And from "not required" up to Level 1: all of level 1.
    const up = compareRoles(id, roleIndex('Verifikator'), roleIndex('Helpdesk'))[security]!;
    expect(up.difference).toBe(1);
    expect(up.toAdd.own.map(({ no }) => no)).toEqual(truth.competencies[1]!.levels[0]!.indicators.map(({ no }) => no));
    expect(up.toAdd.below).toEqual([]);
  });
});

/** A state whose every index and key exists in `data`, as the explorer can produce it. */
const validState = (data: MatrixData): fc.Arbitrary<MatrixState> =>
  fc
    .record({
      selected: fc.option(
        fc.record({
          role: fc.nat({ max: data.roles.length - 1 }),
          competency: fc.nat({ max: data.competencies.length - 1 }),
        }),
        { nil: null },
      ),
      status: fc.option(fc.constantFrom(...data.statuses.map(({ key }) => key)), { nil: null }),
      position: fc.option(fc.constantFrom(...data.positions.map(({ key }) => key)), { nil: null }),
      compare: fc.option(
        fc
          .tuple(fc.nat({ max: data.roles.length - 1 }), fc.nat({ max: data.roles.length - 2 }))
          // A second index distinct from the first: skip over it.
          .map(([from, other]) => ({ from, to: other >= from ? other + 1 : other })),
        { nil: null },
      ),
      transposed: fc.boolean(),
    })
    // A cell whose role the filters hide cannot be open: such a state is not a valid view.
    .filter((state) => withVisibleSelection(data, state) === state);

/** Whether a decoded state only refers to what exists in `data`. */
function expectValid(data: MatrixData, state: MatrixState) {
  expect(Object.keys(state).sort()).toEqual(['compare', 'position', 'selected', 'status', 'transposed']);
  const isRole = (value: number) => Number.isInteger(value) && value >= 0 && value < data.roles.length;
  if (state.selected !== null) {
    expect(Object.keys(state.selected).sort()).toEqual(['competency', 'role']);
    expect(isRole(state.selected.role)).toBe(true);
    expect(Number.isInteger(state.selected.competency)).toBe(true);
    expect(state.selected.competency >= 0 && state.selected.competency < data.competencies.length).toBe(true);
  }
  if (state.compare !== null) {
    expect(Object.keys(state.compare).sort()).toEqual(['from', 'to']);
    expect(isRole(state.compare.from) && isRole(state.compare.to)).toBe(true);
    expect(state.compare.from).not.toBe(state.compare.to);
  }
  if (state.status !== null) expect(data.statuses.map(({ key }) => key)).toContain(state.status);
  if (state.position !== null) expect(data.positions.map(({ key }) => key)).toContain(state.position);
  expect(typeof state.transposed).toBe('boolean');
}

describe('URL state', () => {
  const shared = '?sel=admin-sistem.keamanan-informasi&compare=helpdesk..admin-sistem&status=pns&t=1';
  const sharedState: MatrixState = {
    selected: { role: slugIndex('admin-sistem'), competency: 1 },
    status: 'pns',
    position: null,
    compare: { from: slugIndex('helpdesk'), to: slugIndex('admin-sistem') },
    transposed: true,
  };

  test('the default view writes nothing and an empty query reads as the default view', () => {
    expect(encodeState(id, initialState)).toBe('');
    expect(decodeState(id, '')).toEqual(initialState);
    expect(decodeState(id, '?')).toEqual(initialState);
  });

  test('a shared link reads as its view, with or without "?", and writes back the same parameters', () => {
    expect(id.competencies[1]!.slug).toBe('keamanan-informasi');
    expect(decodeState(id, shared)).toEqual(sharedState);
    expect(decodeState(id, shared.slice(1))).toEqual(sharedState);
    const written = new URLSearchParams(encodeState(id, sharedState));
    expect(Object.fromEntries(written)).toEqual(Object.fromEntries(new URLSearchParams(shared)));
    expect(encodeState(id, { ...initialState, position: 'ppbj' })).toBe('?pos=ppbj');
  });

  test('unknown or malformed parts are dropped one by one, keeping the rest', () => {
    expect(decodeState(id, '?sel=admin-sistem.nope&status=pns')).toEqual({ ...initialState, status: 'pns' });
    expect(decodeState(id, '?sel=nope.keamanan-informasi&t=1')).toEqual({ ...initialState, transposed: true });
    expect(decodeState(id, '?compare=helpdesk..helpdesk').compare).toBeNull();
    expect(decodeState(id, '?compare=helpdesk.admin-sistem').compare).toBeNull();
    expect(decodeState(id, '?compare=helpdesk..').compare).toBeNull();
    expect(decodeState(id, '?status=PNS&pos=JF%20MI')).toEqual(initialState);
    expect(decodeState(id, '?t=true').transposed).toBe(false);
    expect(decodeState(id, '?status=__proto__&pos=constructor&sel=__proto__.constructor')).toEqual(initialState);
  });

  test('property: every valid state survives encode -> decode, in both languages', () => {
    for (const data of [id, en]) {
      fc.assert(
        fc.property(validState(data), (state) => {
          expect(decodeState(data, encodeState(data, state))).toEqual(state);
        }),
        { numRuns: 500 },
      );
    }
  });

  /** Query strings built from the real keys and separators, broken ones, and hostile text. */
  const fragment = fc.oneof(
    fc.constantFrom(
      ...id.roles.map(({ slug }) => slug),
      ...id.competencies.map(({ slug }) => slug),
      ...id.statuses.map(({ key }) => key),
      ...id.positions.map(({ key }) => key),
      'sel=',
      'status=',
      'pos=',
      'compare=',
      't=',
      '1',
      '..',
      '.',
      '...',
      '%',
      '%2',
      '%E0%A4%A',
      '%00',
      '%2E%2E',
      '&',
      '=',
      '?',
      '#',
      '+',
      '<script>alert(1)</script>',
      '"><img src=x onerror=alert(1)>',
      'javascript:alert(1)',
      '__proto__',
      'constructor',
      'prototype',
      '\u0000',
      '\ud800',
      '😀',
      'Ä',
      '\u202e',
    ),
    fc.string({ unit: 'binary', maxLength: 20 }),
  );
  const hostileQuery = fc.oneof(
    fc.array(fragment, { maxLength: 12 }).map((parts) => parts.join('')),
    fc.string({ unit: 'binary' }),
    fc.string({ unit: 'grapheme', maxLength: 200 }),
  );

  test('property: any string decodes without throwing, to a valid state that is a fixed point', () => {
    fc.assert(
      fc.property(hostileQuery, (search) => {
        const state = decodeState(id, search);
        expectValid(id, state);
        // What a garbage link decodes to is a view like any other: writing and reading it changes nothing.
        expect(decodeState(id, encodeState(id, state))).toEqual(state);
      }),
      { numRuns: 2000 },
    );
  });

  test('huge and deeply repeated queries decode quickly to a valid state', () => {
    const huge = [
      `?sel=${'a'.repeat(1_000_000)}`,
      `?compare=${'..'.repeat(200_000)}`,
      `?sel=${'.'.repeat(200_000)}&compare=helpdesk..admin-sistem`,
      '?'.padEnd(500_000, '%'),
      `?${'t=1&'.repeat(50_000)}status=pns`,
      `?sel=admin-sistem.keamanan-informasi${'&sel=x'.repeat(10_000)}`,
    ];
    const started = performance.now();
    const states = huge.map((search) => decodeState(id, search));
    for (const state of states) expectValid(id, state);
    expect(states[2]!.compare).toEqual({ from: slugIndex('helpdesk'), to: slugIndex('admin-sistem') });
    expect(states[4]).toEqual({ ...initialState, status: 'pns', transposed: true });
    // The first of repeated parameters counts.
    expect(states[5]!.selected).toEqual({ role: slugIndex('admin-sistem'), competency: 1 });
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('open cell and filters', () => {
  test('a link that opens a cell of a role its own filters hide opens no cell', () => {
    const state = decodeState(id, '?sel=helpdesk.layanan-lpse&pos=ppbj');
    expect(state.selected).toBeNull();
    expect(state.position).toBe('ppbj');
  });

  test('displayPoint places a cell in the table as displayed, and hides filtered roles', () => {
    const cell = { role: slugIndex('koordinator'), competency: 2 };
    expect(displayPoint(id, initialState, cell)).toEqual({ row: 2, col: 0 });
    expect(displayPoint(id, { ...initialState, transposed: true }, cell)).toEqual({ row: 0, col: 2 });
    expect(
      displayPoint(id, { ...initialState, position: 'ppbj' }, { ...cell, role: slugIndex('helpdesk') }),
    ).toBeNull();
  });
});
