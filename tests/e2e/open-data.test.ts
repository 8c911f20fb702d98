// The published data files: valid against their published schema, equal to the content model,
// and (independently) to the source document; CSV written as documented.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'csv-parse/sync';
import { describe, expect, test, vi } from 'vitest';
import { checkContent } from '../../src/lib/load-files.ts';
import {
  INDICATOR_COLUMNS,
  REQUIREMENT_COLUMNS,
  openDataSchema,
  toOpenData,
  type OpenData,
} from '../../src/lib/open-data.ts';
import { loadSeed, normalize, requiredLevel, seedIndicators } from '../support/seed.ts';
import { distDir } from '../support/site.ts';
import { baseUrl } from './support/browser.ts';

const read = (file: string) => readFileSync(`${distDir}/data/${file}`, 'utf8');
const json = JSON.parse(read('kamus.json')) as OpenData;
const schema = JSON.parse(read('kamus.schema.json')) as object;
const csv = (file: string) =>
  parse(read(file), { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
const seed = loadSeed();

describe('kamus.json', () => {
  test('validates against the published JSON Schema (Ajv, draft 2020-12) and the zod schema', () => {
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(openDataSchema.safeParse(json).success).toBe(true);
  });

  test('the schema rejects a document with a broken requirement level', () => {
    const validate = new Ajv2020({ strict: false }).compile(schema);
    const broken = structuredClone(json);
    broken.roles[0]!.requirements[0]!.level = 7;
    expect(validate(broken)).toBe(false);
  });

  test('equals the content model', async () => {
    const { dictionary } = await checkContent(`${distDir}/..`);
    // Absolute URLs carry the base path the build was made for (`/` or `/kamus-lpse/`).
    expect(new URL(json.$schema).pathname).toBe(`${new URL(baseUrl()).pathname}data/kamus.schema.json`);
    // The model's paths take the base from the build's BASE_URL, as the site's own build does.
    vi.stubEnv('BASE_URL', new URL(baseUrl()).pathname);
    try {
      expect(json).toEqual(toOpenData(dictionary!, new URL(new URL(json.$schema).origin)));
    } finally {
      vi.unstubAllEnvs();
    }
  });

  test('holds every indicator of the source, verbatim, with its level', () => {
    for (const competency of seed.competencies) {
      const published = json.competencies.find((entry) => normalize(entry.name.id) === normalize(competency.name))!;
      expect(published, competency.name).toBeDefined();
      expect(published.code).toBe(competency.code);
      const indicators = published.levels.flatMap((level) =>
        level.indicators.map((indicator) => ({ ...indicator, level: level.level })),
      );
      expect(indicators.map((indicator) => indicator.no)).toEqual(
        seedIndicators(competency).map((indicator) => indicator.no),
      );
      for (const indicator of seedIndicators(competency)) {
        const mine = indicators.find((entry) => entry.no === indicator.no)!;
        expect(normalize(mine.text.id)).toBe(normalize(indicator.text));
        expect(mine.level).toBe(indicator.level);
        expect(mine.text.en.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('CSV files', () => {
  test('indikator.csv has the documented columns and one row per indicator, matching the JSON', () => {
    const rows = csv('indikator.csv');
    expect(Object.keys(rows[0]!)).toEqual([...INDICATOR_COLUMNS]);
    const indicators = json.competencies.flatMap((competency) =>
      competency.levels.flatMap((level) => level.indicators),
    );
    expect(rows.map((row) => row.indicator)).toEqual(indicators.map((indicator) => indicator.id));
    expect(rows).toHaveLength(
      seed.competencies.reduce((sum, competency) => sum + seedIndicators(competency).length, 0),
    );
    // Commas, quotes and line-free text survive the round trip exactly.
    for (const [index, indicator] of indicators.entries()) {
      expect(rows[index]!.text_id).toBe(indicator.text.id);
      expect(rows[index]!.text_en).toBe(indicator.text.en);
    }
    expect(rows.find((row) => row.indicator === 'layanan-lpse:2.4')!.items_id).toMatch(/^a\. .+; b\. .+; c\. .+$/);
  });

  test('persyaratan.csv has one row per role x competency with the source leveling table', () => {
    const rows = csv('persyaratan.csv');
    expect(Object.keys(rows[0]!)).toEqual([...REQUIREMENT_COLUMNS]);
    expect(rows).toHaveLength(seed.leveling.columns.length * seed.competencies.length);
    for (const row of rows) {
      const column = seed.leveling.columns.find((entry) => normalize(entry.role) === normalize(row.role_name_id!));
      expect(column, row.role_name_id).toBeDefined();
      const level = requiredLevel(
        seed,
        seed.competencies.find((c) => normalize(c.name) === normalize(row.competency_name_id!))!.name,
        column!.role,
      );
      expect(row.required_level).toBe(level === null ? '' : String(level));
    }
  });
});
