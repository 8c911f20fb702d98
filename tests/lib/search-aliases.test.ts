// The site's search aliases: the reviewed file is sound, its words are not the draft's, they reach
// only their target records (marked as the site's, under their own type), and no search for a word
// of the draft finds a record it did not find before, checked for every draft word and, with
// fast-check, for any alias group the checker accepts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checkContent } from '../../src/lib/load-files.ts';
import { plainText } from '../../src/lib/inline.ts';
import { allIndicators, localize } from '../../src/lib/model.ts';
import {
  aliasIssues,
  aliasesByIndicator,
  parseAliases,
  tokens,
  type SearchAlias,
} from '../../src/lib/search-aliases.ts';
import { searchLabels, searchRecords } from '../../src/lib/search-records.ts';
import idStrings from '../../src/content/i18n/id.json';
import enStrings from '../../src/content/i18n/en.json';
import { projectRoot } from '../support/seed.ts';

const { dictionary } = await checkContent(projectRoot);
if (!dictionary) throw new Error('The real content does not validate (see `npm run check`).');
const labels = { id: searchLabels(idStrings), en: searchLabels(enStrings) };
const file = JSON.parse(readFileSync(path.join(projectRoot, 'src/content/search-aliases/aliases.json'), 'utf8'));
const aliases = parseAliases(file, dictionary);
const LANGS = ['id', 'en'] as const;

const indicatorIds = dictionary.competencies.flatMap((competency) =>
  allIndicators(competency).map((indicator) => `${competency.slug}:${indicator.no}`),
);
/** The draft's text of every indicator in one language (sub-items included), as one lower-case string each. */
const draftTexts = (lang: 'id' | 'en') =>
  dictionary.competencies.flatMap((competency) =>
    allIndicators(competency).map((indicator) =>
      [indicator.text, ...indicator.items.map((item) => item.text)]
        .map((part) => plainText(localize(part, lang)).toLowerCase())
        .join(' '),
    ),
  );
/** Words the dictionary's records hold in one language, without aliases. */
const draftVocabulary = (lang: 'id' | 'en') =>
  new Set(searchRecords(dictionary, lang, labels[lang]).flatMap((record) => tokens(record.content)));
/** For each word, the URLs of the records holding it: what a one-word search can find. */
function finds(lang: 'id' | 'en', byIndicator: Map<string, string[]>, words: Iterable<string>) {
  const records = searchRecords(dictionary!, lang, labels[lang], byIndicator).map((record) => ({
    url: record.url,
    words: new Set(tokens(record.content)),
  }));
  return new Map([...words].map((word) => [word, records.filter((r) => r.words.has(word)).map((r) => r.url)]));
}

describe('the reviewed alias file', () => {
  test('parses, names only real indicators, and gives a reason for every group', () => {
    expect(aliases.length).toBeGreaterThanOrEqual(8);
    expect(aliasIssues(aliases, dictionary)).toEqual([]);
    for (const alias of aliases) {
      for (const target of alias.targets) expect(indicatorIds).toContain(target);
      expect(alias.reason.length).toBeGreaterThan(20);
    }
  });

  test('covers the words staff type, in both languages', () => {
    const all = (lang: 'id' | 'en') => aliases.flatMap((alias) => alias.words[lang].map((word) => word.toLowerCase()));
    for (const word of ['kerentanan', 'uji penetrasi', 'pentest', 'backup', 'cadangan', 'pemulihan bencana', 'ssl']) {
      expect(all('id')).toContain(word);
    }
    for (const word of ['sertifikat', 'down', 'gangguan', 'akun', 'lupa kata sandi']) expect(all('id')).toContain(word);
    for (const word of ['vulnerability', 'penetration test', 'pentest', 'backup', 'disaster recovery', 'ssl']) {
      expect(all('en')).toContain(word);
    }
    for (const word of ['certificate', 'down', 'outage', 'account', 'forgot password'])
      expect(all('en')).toContain(word);
  });

  test.each(LANGS)('no alias is a phrase the draft itself uses (%s): aliases are the site’s words', (lang) => {
    const texts = draftTexts(lang).map((text) => ` ${tokens(text).join(' ')} `);
    for (const alias of aliases) {
      for (const phrase of alias.words[lang]) {
        const wanted = ` ${tokens(phrase).join(' ')} `;
        expect(
          texts.filter((text) => text.includes(wanted)),
          phrase,
        ).toEqual([]);
      }
    }
  });
});

describe.each(LANGS)('records with aliases (%s)', (lang) => {
  const byIndicator = aliasesByIndicator(aliases, lang);
  const plain = searchRecords(dictionary, lang, labels[lang]);
  const withAliases = searchRecords(dictionary, lang, labels[lang], byIndicator);
  const type = labels[lang]['search.filterType'];

  test('only the targets change: their words follow a marked "alias:", and they are filed under the alias type', () => {
    expect(withAliases).toHaveLength(plain.length);
    const targets = new Set(aliases.flatMap((alias) => alias.targets));
    withAliases.forEach((record, index) => {
      const before = plain[index]!;
      const target = [...targets].find((id) => {
        const [slug, no] = id.split(':');
        return record.url.endsWith(`/kompetensi/${slug}/#indikator-${no!.replace('.', '-')}`);
      });
      if (!target) {
        expect(record).toEqual(before);
        return;
      }
      const words = byIndicator.get(target)!;
      expect(record.content).toBe(`${before.content} (${labels[lang]['search.aliasMarker']}: ${words.join(', ')})`);
      expect(record.filters[type]).toEqual([labels[lang]['search.typeIndicator'], labels[lang]['search.typeAlias']]);
      expect(record.meta).toEqual(before.meta);
    });
  });

  test('no search for a word of the draft finds a record it did not find before (every draft word)', () => {
    const vocabulary = draftVocabulary(lang);
    // The marker is not a word of the draft either, so it adds no match for one.
    expect(vocabulary.has(labels[lang]['search.aliasMarker'])).toBe(false);
    expect(finds(lang, byIndicator, vocabulary)).toEqual(finds(lang, new Map(), vocabulary));
  });
});

describe('the checker', () => {
  test('refuses unknown targets and broken files, with the field named', () => {
    const broken = { ...file, aliases: [{ ...file.aliases[0], targets: ['keamanan-informasi:9.9'] }] };
    expect(() => parseAliases(broken, dictionary)).toThrow(/unknown indicator "keamanan-informasi:9.9"/);
    expect(() => parseAliases({ ...file, aliases: [{ ...file.aliases[0], reason: '' }] }, dictionary)).toThrow(
      /reason/,
    );
    expect(() => parseAliases({ ...file, aliases: [{ ...file.aliases[0], targets: ['x'] }] }, dictionary)).toThrow(
      /indicator id/,
    );
  });

  test('"penetration test" on an indicator that never says "test" is refused, with a hint', () => {
    const group: SearchAlias = {
      words: { id: ['pentest'], en: ['penetration test'] },
      targets: ['keamanan-informasi:2.3'],
      reason: 'Penetration tests probe technical security.',
    };
    expect(aliasIssues([group], dictionary).join('\n')).toMatch(
      /"test" \(in "penetration test"\).*keamanan-informasi:2\.3/,
    );
  });

  test('a group it accepts never makes a draft word find a new record (property)', () => {
    const vocabulary = { id: [...draftVocabulary('id')], en: [...draftVocabulary('en')] };
    const phrase = (lang: 'id' | 'en') =>
      fc
        .array(fc.oneof(fc.constantFrom(...vocabulary[lang]), fc.stringMatching(/^zq[a-z]{2,6}$/)), {
          minLength: 1,
          maxLength: 3,
        })
        .map((parts) => parts.join(' '));
    const groupArb = fc.record({
      words: fc.record({
        id: fc.array(phrase('id'), { minLength: 1, maxLength: 3 }),
        en: fc.array(phrase('en'), { minLength: 1, maxLength: 3 }),
      }),
      targets: fc.uniqueArray(fc.constantFrom(...indicatorIds), { minLength: 1, maxLength: 3 }),
      reason: fc.constant('A generated group for the property.'),
    });
    fc.assert(
      fc.property(groupArb, (group) => {
        const accepted = aliasIssues([group], dictionary).length === 0;
        const unchanged = LANGS.every((lang) => {
          const words = draftVocabulary(lang);
          return (
            JSON.stringify([...finds(lang, aliasesByIndicator([group], lang), words)]) ===
            JSON.stringify([...finds(lang, new Map(), words)])
          );
        });
        if (accepted) expect(unchanged).toBe(true);
        return true;
      }),
      { numRuns: 25 },
    );
  });
});
