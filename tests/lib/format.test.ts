// formatDate and formatOrList in Indonesian and English.
import { describe, expect, test } from 'vitest';
import { formatDate, formatOrList, orListParts } from '../../src/lib/format.ts';

describe('formatDate', () => {
  test('writes the draft date as Indonesian readers do', () => {
    expect(formatDate(new Date('2022-11-04'), 'id')).toBe('4 November 2022');
    expect(formatDate(new Date('2022-08-17'), 'id')).toBe('17 Agustus 2022');
  });

  test('writes it as English readers do', () => {
    expect(formatDate(new Date('2022-11-04'), 'en')).toBe('4 November 2022');
  });

  test('reads the date in UTC, so late-evening times keep their calendar day', () => {
    expect(formatDate(new Date('2022-11-04T23:30:00Z'), 'id')).toBe('4 November 2022');
    expect(formatDate(new Date('2022-11-04T00:00:00Z'), 'id')).toBe('4 November 2022');
  });
});

describe('formatOrList', () => {
  test('joins with "atau" in Indonesian and "or" in English', () => {
    expect(formatOrList(['JF MI', 'JF Prakom', 'PPBJ'], 'id')).toBe('JF MI, JF Prakom, atau PPBJ');
    expect(formatOrList(['JF MI', 'JF Prakom', 'PPBJ'], 'en')).toBe('JF MI, JF Prakom, or PPBJ');
  });

  test('two items and one item', () => {
    expect(formatOrList(['JF MI', 'JF Prakom'], 'id')).toBe('JF MI atau JF Prakom');
    expect(formatOrList(['JF Prakom'], 'id')).toBe('JF Prakom');
  });
});

describe('orListParts', () => {
  test('keeps items as given and takes separators from the locale', () => {
    const a = { key: 'a' };
    const b = { key: 'b' };
    const c = { key: 'c' };
    expect(orListParts([a, b, c], 'id')).toEqual([a, ', ', b, ', atau ', c]);
    expect(orListParts([a, b], 'en')).toEqual([a, ' or ', b]);
    expect(orListParts([a], 'en')).toEqual([a]);
  });
});
