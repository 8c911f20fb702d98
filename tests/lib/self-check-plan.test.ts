// Each role's plan and the "needed" progress the self-check shows, on the fixture dictionary (alpha:
// levels of 2, 2, 1, 2 and 1 indicators; beta: 1, 1, 2, 1, 1; lead requires alpha 3 and beta 2, support
// alpha 1 and not beta), with answers and expected plans worked out by hand, and properties.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { toMatrixData } from '../../src/lib/matrix-data.ts';
import {
  answersByLevel,
  emptyRecord,
  RECORD_VERSION,
  roleFit,
  type SelfCheckRecord,
} from '../../src/lib/self-check.ts';
import { neededProgress, rolePlan } from '../../src/lib/self-check-plan.ts';
import { selfCheckRecordArb } from '../support/arbitraries.ts';
import { loadFixtureDictionary } from '../support/fixture.ts';

const data = toMatrixData(await loadFixtureDictionary(), 'id', undefined);
const slugs = data.competencies.map((competency) => competency.slug);
const [lead, support] = [
  data.roles.findIndex((r) => r.slug === 'lead'),
  data.roles.findIndex((r) => r.slug === 'support'),
];

const recordArb = selfCheckRecordArb(data);

// Support's target met (alpha level 1 "yy"); a "Belum" at alpha 2.2, alpha 3.1 and all of beta open.
const supportDone: SelfCheckRecord = {
  v: RECORD_VERSION,
  role: 'support',
  all: false,
  answers: { alpha: 'yyyn____', beta: '______' },
};

describe('plans', () => {
  test("another role's plan, without changing the target: lead against support's answers", () => {
    const summary = (role: number) =>
      rolePlan(data, supportDone, role).map((entry) => [
        slugs[entry.competency],
        entry.required,
        entry.meets,
        entry.levels.map((level) => [level.level, level.indicators.map((indicator) => indicator.no)]),
      ]);
    expect(summary(support)).toEqual([['alpha', 1, 'yes', []]]);
    expect(summary(lead)).toEqual([
      [
        'alpha',
        3,
        'no',
        [
          [2, ['2.2']],
          [3, ['3.1']],
        ],
      ],
      [
        'beta',
        2,
        'unknown',
        [
          [1, ['1.1']],
          [2, ['2.1']],
        ],
      ],
    ]);
  });

  test("a role's plan lists, per required competency and level, the indicators not answered Ya (property)", () => {
    fc.assert(
      fc.property(recordArb, fc.nat(data.roles.length - 1), (record, role) => {
        const plan = rolePlan(data, record, role);
        const fit = roleFit(data, record)[role]!;
        expect(plan.map((entry) => entry.competency)).toEqual(
          data.competencies.flatMap((_, c) => (data.required[role]![c] === null ? [] : [c])),
        );
        // The plan and the fit table count the same indicators.
        expect(plan.flatMap((entry) => entry.levels.flatMap((level) => level.indicators))).toHaveLength(
          fit.indicatorsLeft,
        );
        for (const entry of plan) {
          const byLevel = answersByLevel(data, record, entry.competency);
          for (const level of entry.levels) {
            expect(level.level).toBeLessThanOrEqual(entry.required);
            const all = data.competencies[entry.competency]!.levels[level.level - 1]!.indicators;
            expect(level.indicators).toEqual(all.filter((_, at) => byLevel[level.level - 1]![at] !== 'y'));
          }
          expect(entry.levels.length === 0).toBe(entry.meets === 'yes');
        }
      }),
    );
  });
});

describe('needed progress', () => {
  test('counts the scope up to the first "Belum"; switching target keeps the answers', () => {
    // Support asks alpha levels 1-2: four answered of four.
    expect(neededProgress(data, supportDone)).toEqual({ answered: 4, total: 4, next: null });
    // Lead asks alpha 1-4, but after the "Belum" at level 2 nothing more is needed; beta 1-3 (4) all open.
    expect(neededProgress(data, { ...supportDone, role: 'lead' })).toEqual({
      answered: 4,
      total: 8,
      next: { competency: 1, index: 0 },
    });
    expect(neededProgress(data, emptyRecord(data, 'support'))).toEqual({
      answered: 0,
      total: 4,
      next: { competency: 0, index: 0 },
    });
  });

  test('never exceeds the scope and reaches its total exactly when nothing needed is open (property)', () => {
    fc.assert(
      fc.property(recordArb, (record) => {
        const { answered, total: needed, next } = neededProgress(data, record);
        expect(answered).toBeLessThanOrEqual(needed);
        expect(next === null).toBe(answered === needed);
        if (next) expect(record.answers[slugs[next.competency]!]![next.index]).toBe('_');
      }),
    );
  });
});
