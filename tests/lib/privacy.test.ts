// No tracked file of the repository holds the letter's contact person: no phone number other than the made-up test number, no word of their name.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  contactPerson,
  loadSeed,
  MADE_UP_LANDLINES,
  MADE_UP_PHONES,
  maskDigits,
  PHONE_PATTERN,
  phoneDigits,
  projectRoot,
} from '../support/seed.ts';

/** Every file git tracks, as text; binary files (a NUL byte) are skipped. */
function trackedTexts(): { file: string; text: string }[] {
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: projectRoot, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean);
  return files.flatMap((file) => {
    let text: string;
    try {
      text = readFileSync(path.join(projectRoot, file), 'utf8');
    } catch {
      return []; // Listed but deleted in the work tree: nothing to scan.
    }
    return text.includes('\0') ? [] : [{ file, text }];
  });
}

const allowed = new Set([...MADE_UP_PHONES, ...MADE_UP_LANDLINES].map(phoneDigits));
const everywhere = new RegExp(PHONE_PATTERN.source, 'gu');

/** Phone-like strings in a text that are not the declared made-up number, digits masked. */
const foreignPhones = (text: string): string[] =>
  [...text.matchAll(everywhere)]
    .map(([match]) => match)
    .filter((match) => !allowed.has(phoneDigits(match)))
    .map(maskDigits);

describe('repository privacy', () => {
  const tracked = trackedTexts();

  test('scans every tracked text file', () => {
    expect(tracked.length).toBeGreaterThan(100);
    expect(tracked.some(({ file }) => file === 'tests/support/seed.ts')).toBe(true);
  });

  test('the scan would catch the letter’s number in any format, and lets the made-up one through', () => {
    const { phone } = contactPerson(loadSeed());
    const digits = phoneDigits(phone);
    const formats = [
      `0${digits}`,
      `+62 ${digits}`,
      `62${digits}`,
      `0${digits.slice(0, 3)}-${digits.slice(3, 7)}-${digits.slice(7)}`,
    ];
    for (const format of formats) expect(foreignPhones(`call ${format} today`)).toHaveLength(1);
    const madeUp = [...MADE_UP_PHONES, ...MADE_UP_LANDLINES];
    expect(madeUp.flatMap((format) => foreignPhones(`call ${format} today`))).toEqual([]);
  });

  test('no tracked file holds a phone number other than the made-up test number', () => {
    const found = tracked.flatMap(({ file, text }) => foreignPhones(text).map((phone) => `${file}: ${phone}`));
    expect(found).toEqual([]);
  });

  test('no tracked file holds a word of the contact person’s name', () => {
    const { nameWords } = contactPerson(loadSeed());
    const nameWord = new RegExp(`\\b(?:${nameWords.join('|')})\\b`, 'iu');
    // Only the file names are reported: the word itself stays out of the test output.
    expect(tracked.filter(({ text }) => nameWord.test(text)).map(({ file }) => file)).toEqual([]);
  });
});
