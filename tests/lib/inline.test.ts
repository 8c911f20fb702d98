// parseInline splits `*…*` italics into segments, and plainText drops the markers.
import { describe, expect, test } from 'vitest';
import { parseInline, plainText } from '../../src/lib/inline.ts';

const plain = (text: string) => ({ text, italic: false });
const italic = (text: string) => ({ text, italic: true });

describe('parseInline', () => {
  test('a pair of asterisks marks an italic run inside plain text', () => {
    expect(parseInline('Mampu melakukan *troubleshooting* jika terjadi permasalahan')).toEqual([
      plain('Mampu melakukan '),
      italic('troubleshooting'),
      plain(' jika terjadi permasalahan'),
    ]);
  });

  test('several pairs, at the start and the end', () => {
    expect(parseInline('*upgrade* dan *patch*')).toEqual([italic('upgrade'), plain(' dan '), italic('patch')]);
  });

  test('an unpaired asterisk stays literal', () => {
    expect(parseInline('nilai 5 * 3')).toEqual([plain('nilai 5 * 3')]);
    expect(parseInline('*upgrade* dan *patch')).toEqual([italic('upgrade'), plain(' dan *patch')]);
    expect(parseInline('tanda ** kosong')).toEqual([plain('tanda ** kosong')]);
  });

  test('text without markup is one plain segment; empty text has none', () => {
    expect(parseInline('Memahami kebijakan (peraturan dan ketentuan)')).toEqual([
      plain('Memahami kebijakan (peraturan dan ketentuan)'),
    ]);
    expect(parseInline('')).toEqual([]);
  });
});

describe('plainText', () => {
  test('drops the italic markers and keeps every word', () => {
    expect(plainText('kemampuan melakukan *upgrade*, mengelola *server*')).toBe(
      'kemampuan melakukan upgrade, mengelola server',
    );
  });

  test('keeps unpaired asterisks and plain text as they are', () => {
    expect(plainText('nilai 5 * 3')).toBe('nilai 5 * 3');
    expect(plainText('tanpa markup')).toBe('tanpa markup');
  });
});
