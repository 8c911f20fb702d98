// climb(): the one place the cumulative reading is computed, on generated levels (no real content).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { climb, LEVELS, levelsBelow } from '../../src/lib/levels.ts';

/** Levels 1..5, each with a few indicators named "<level>.<n>". */
const levelsArb = fc.array(fc.nat({ max: 4 }), { minLength: LEVELS.length, maxLength: LEVELS.length }).map((counts) =>
  LEVELS.map((level, index) => ({
    level,
    indicators: Array.from({ length: counts[index]! }, (_, n) => `${level}.${n + 1}`),
  })),
);
const span = fc.tuple(fc.integer({ min: 0, max: LEVELS.length }), fc.integer({ min: 0, max: LEVELS.length }));

describe('climb', () => {
  test('own is level `to`, below the levels strictly between, all both in level order, byLevel the same level by level', () => {
    fc.assert(
      fc.property(levelsArb, span, (levels, [from, to]) => {
        const result = climb(levels, from, to);
        if (to <= from) {
          expect(result).toEqual({ from, level: 0, own: [], below: [], all: [], byLevel: [] });
          return;
        }
        const of = (level: number) => levels[level - 1]!.indicators;
        expect(result.own).toEqual(of(to));
        expect(result.below).toEqual(LEVELS.filter((level) => level > from && level < to).flatMap(of));
        expect(result.all).toEqual([...result.below, ...result.own]);
        expect(result.byLevel.map(({ level }) => level)).toEqual(LEVELS.filter((level) => level > from && level <= to));
        expect(result.byLevel.flatMap(({ indicators }) => indicators)).toEqual(result.all);
      }),
    );
  });

  test('keep drops indicators everywhere, and is asked with each indicator’s level and position', () => {
    fc.assert(
      fc.property(levelsArb, span, (levels, [from, to]) => {
        const asked: string[] = [];
        const result = climb(levels, from, to, (indicator, level, position) => {
          expect(indicator).toBe(`${level}.${position + 1}`);
          asked.push(indicator);
          return position % 2 === 0;
        });
        expect(result.all.every((indicator) => Number(indicator.split('.')[1]) % 2 === 1)).toBe(true);
        expect(result.all).toEqual(result.byLevel.flatMap(({ indicators }) => indicators));
        expect(asked).toEqual(to > from ? climb(levels, from, to).all : []);
      }),
    );
  });
});

test('levelsBelow names the levels `below` covers as a reader writes them', () => {
  expect(levelsBelow({ from: 0, level: 1 })).toBe('');
  expect(levelsBelow({ from: 1, level: 3 })).toBe('2');
  expect(levelsBelow({ from: 0, level: 4 })).toBe('1–3');
});
