import { describe, expect, test } from 'vitest';
import { checkContent } from '../../src/lib/load-files.ts';
import { searchRecords, typeFilter } from '../../src/lib/search-records.ts';
import idStrings from '../../src/content/i18n/id.json';
import enStrings from '../../src/content/i18n/en.json';
import { loadSeed, normalize, projectRoot, seedIndicators } from '../support/seed.ts';

const { dictionary } = await checkContent(projectRoot);
const seed = loadSeed();
const labels = { id: idStrings as Record<string, string>, en: enStrings as Record<string, string> };

describe.each(['id', 'en'] as const)('search records (%s)', (lang) => {
  const records = searchRecords(dictionary!, lang, labels[lang]);
  const prefix = lang === 'id' ? '' : '/en';
  const type = labels[lang]['search.filterType']!;
  const level = labels[lang]['search.filterLevel']!;
  const ofType = (key: string) => records.filter((record) => record.filters[type]?.[0] === labels[lang][key]);

  test('one record per indicator, per level and per glossary term, all in the language', () => {
    const indicators = seed.competencies.reduce((sum, competency) => sum + seedIndicators(competency).length, 0);
    expect(ofType('search.typeIndicator')).toHaveLength(indicators);
    expect(ofType('search.typeLevel')).toHaveLength(seed.competencies.length * 5);
    expect(ofType('search.typeGlossary')).toHaveLength(dictionary!.glossary.length);
    expect(records).toHaveLength(indicators + seed.competencies.length * 5 + dictionary!.glossary.length);
    expect(records.every((record) => record.language === lang)).toBe(true);
  });

  test('each indicator record points at its anchor, holds its text and is filtered by its level', () => {
    for (const competency of seed.competencies) {
      const slug = dictionary!.competencies.find(({ name }) => normalize(name.id) === normalize(competency.name))!.slug;
      for (const indicator of seedIndicators(competency)) {
        const url = `${prefix}/kompetensi/${slug}/#indikator-${indicator.no.replace('.', '-')}`;
        const record = records.find((entry) => entry.url === url);
        expect(record, url).toBeDefined();
        expect(record!.filters[level]).toEqual([
          labels[lang]['search.levelValue']!.replace('{{level}}', String(indicator.level)),
        ]);
        if (lang === 'id') expect(normalize(record!.content)).toContain(normalize(indicator.text));
        expect(record!.meta.title).toContain(indicator.no);
      }
    }
  });

  test('URLs are site paths without the base (Pagefind adds it) and every one is distinct', () => {
    expect(records.every((record) => record.url.startsWith(`${prefix}/`) && !record.url.includes('//'))).toBe(true);
    expect(new Set(records.map((record) => record.url)).size).toBe(records.length);
  });

  test('page type filters use the same names and values as the records', () => {
    expect(typeFilter(labels[lang], 'Competency')).toBe(`${type}:${labels[lang]['search.typeCompetency']}`);
    expect(typeFilter(labels[lang], 'Glossary')).toBe(`${type}:${ofType('search.typeGlossary')[0]!.filters[type]![0]}`);
  });
});
