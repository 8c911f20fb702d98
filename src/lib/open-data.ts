/**
 * The dictionary as open data: one JSON document in both languages with stable ids, its JSON
 * Schema (generated from the same zod schema that checks the document), and CSV tables.
 * Derived from the model at build time, like every other view.
 */
import { stringify } from 'csv-stringify/sync';
import { z } from 'astro/zod';
import { plainText } from './inline.ts';
import { allIndicators, localize, type Dictionary } from './model.ts';
import { competencyPath, rolePath, sitePath } from './paths.ts';
import { EXPANSION_ORIGINS, LEVELS, type Localized } from './schema.ts';

const text = z.strictObject({ id: z.string().min(1), en: z.string().min(1) });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const url = z.strictObject({ id: z.url(), en: z.url() });

/** The open-data document; `z.toJSONSchema` turns it into the published JSON Schema. */
export const openDataSchema = z
  .strictObject({
    $schema: z.string(),
    format: z.literal('kkt-pengelola-lpse/1'),
    source: z.strictObject({
      title: text,
      number: z.string(),
      date: isoDate,
      status: z.enum(['draft', 'final']),
      consultationDeadline: isoDate,
      legalBasis: z.array(
        z.strictObject({ key: z.string(), citation: z.string(), title: z.string(), provision: z.string().nullable() }),
      ),
    }),
    prerequisites: z.array(z.strictObject({ id: z.string(), name: text })),
    competencies: z.array(
      z.strictObject({
        id: z.string(),
        order: z.number().int(),
        code: z.string().nullable().describe('Kode Kompetensi; null while LKPP has not assigned one'),
        name: text,
        definition: text,
        url,
        levels: z.array(
          z.strictObject({
            level: z.number().int().min(1).max(LEVELS.length),
            description: text,
            url,
            indicators: z.array(
              z.strictObject({
                id: z.string().describe('Stable id: competency id, colon, indicator number, e.g. "layanan-lpse:3.2"'),
                no: z.string(),
                text,
                items: z.array(z.strictObject({ key: z.string(), text })),
                url,
              }),
            ),
          }),
        ),
      }),
    ),
    roles: z.array(
      z.strictObject({
        id: z.string(),
        order: z.number().int(),
        name: text,
        aliases: z.array(text),
        summary: text.nullable(),
        duties: z.array(text),
        eligibility: z.array(z.strictObject({ status: z.string(), positions: z.array(z.string()) })),
        prerequisites: z.array(z.string()),
        requirements: z.array(
          z.strictObject({
            competency: z.string(),
            level: z
              .number()
              .int()
              .min(1)
              .max(LEVELS.length)
              .nullable()
              .describe('null: not required ("-" in the source)'),
          }),
        ),
        url,
      }),
    ),
    glossary: z.array(
      z.strictObject({
        id: z.string(),
        term: z.string(),
        aliases: z.array(z.string()),
        expansion: text,
        provenance: z
          .strictObject({
            expansion: z
              .enum(EXPANSION_ORIGINS)
              .describe(
                "draft-notes: the notes under the draft's levelling table; draft-text: written out in the letter or draft; elsewhere: not in the draft",
              ),
            expansionSource: z.string().optional().describe('where an expansion from elsewhere is taken from'),
            englishSource: z
              .string()
              .optional()
              .describe("where the English rendering is used publicly; absent: this site's own rendering"),
          })
          .describe('where the expansion and its English come from'),
      }),
    ),
  })
  .describe('Kamus Kompetensi Teknis dan Standar Kompetensi Pengelola LPSE (draft, LKPP 2022) as open data');

/** The open-data document's type. */
export type OpenData = z.infer<typeof openDataSchema>;

/** Where the files are published, relative to the site root. */
export const OPEN_DATA_FILES = {
  json: '/data/kamus.json',
  schema: '/data/kamus.schema.json',
  indicators: '/data/indikator.csv',
  requirements: '/data/persyaratan.csv',
} as const;

/** Both languages of a text, without inline markup. */
const both = (value: Localized) => ({ id: plainText(value.id), en: plainText(localize(value, 'en')) });
const day = (date: Date) => date.toISOString().slice(0, 10);

/** Builds the open-data document; `site` (an origin) and the base path make the URLs absolute. */
export function toOpenData(dictionary: Dictionary, site: URL): OpenData {
  const absolute = (path: (locale: string | undefined) => string) => ({
    id: new URL(path(undefined), site).href,
    en: new URL(path('en'), site).href,
  });
  const { source } = dictionary;
  return {
    $schema: new URL(sitePath(OPEN_DATA_FILES.schema, undefined), site).href,
    format: 'kkt-pengelola-lpse/1',
    source: {
      title: both(source.title),
      number: source.number,
      date: day(source.date),
      status: source.status,
      consultationDeadline: day(source.consultation.deadline),
      legalBasis: source.legalBasis.map((law) => ({
        key: law.key,
        citation: law.citation,
        title: law.title,
        provision: law.provision ?? null,
      })),
    },
    prerequisites: dictionary.prerequisites.map((prerequisite) => ({
      id: prerequisite.key,
      name: both(prerequisite.name),
    })),
    competencies: dictionary.competencies.map((competency) => ({
      id: competency.slug,
      order: competency.order,
      code: competency.code,
      name: both(competency.name),
      definition: both(competency.definition),
      url: absolute((locale) => competencyPath(competency.slug, locale, undefined)),
      levels: competency.levels.map((level) => ({
        level: level.level,
        description: both(level.description),
        url: absolute((locale) => competencyPath(competency.slug, locale, level.anchor)),
        indicators: level.indicators.map((indicator) => ({
          id: `${competency.slug}:${indicator.no}`,
          no: indicator.no,
          text: both(indicator.text),
          items: indicator.items.map((item) => ({ key: item.key, text: both(item.text) })),
          url: absolute((locale) => competencyPath(competency.slug, locale, indicator.anchor)),
        })),
      })),
    })),
    roles: dictionary.roles.map((role) => ({
      id: role.slug,
      order: role.order,
      name: both(role.name),
      aliases: role.aliases.map(both),
      summary: role.summary ? both(role.summary) : null,
      duties: role.duties.map(both),
      eligibility: role.eligibility.map(({ status, positions }) => ({
        status: status.slug,
        positions: positions.map((position) => position.slug),
      })),
      prerequisites: role.prerequisites.map((prerequisite) => prerequisite.key),
      requirements: role.requirements.map(({ competency, level }) => ({
        competency: competency.slug,
        level: level?.level ?? null,
      })),
      url: absolute((locale) => rolePath(role.slug, locale)),
    })),
    glossary: dictionary.glossary.map((term) => ({
      id: term.slug,
      term: term.term,
      aliases: term.aliases,
      expansion: both(term.expansion),
      provenance: term.provenance,
    })),
  };
}

/** Columns of the indicator CSV, one row per indicator; `_id`/`_en` end the text columns of each language. */
export const INDICATOR_COLUMNS = [
  'indicator',
  'competency',
  'competency_code',
  'competency_name_id',
  'competency_name_en',
  'level',
  'indicator_no',
  'text_id',
  'text_en',
  'items_id',
  'items_en',
  'url_id',
  'url_en',
] as const;

/** Columns of the requirement CSV, one row per role x competency. */
export const REQUIREMENT_COLUMNS = [
  'role',
  'role_name_id',
  'role_name_en',
  'competency',
  'competency_name_id',
  'competency_name_en',
  'required_level',
] as const;

/** One row per indicator; sub-items joined as "a. …; b. …". */
export function indicatorsCsv(data: OpenData): string {
  const rows = data.competencies.flatMap((competency) =>
    competency.levels.flatMap((level) =>
      level.indicators.map((indicator) => ({
        indicator: indicator.id,
        competency: competency.id,
        competency_code: competency.code ?? '',
        competency_name_id: competency.name.id,
        competency_name_en: competency.name.en,
        level: level.level,
        indicator_no: indicator.no,
        text_id: indicator.text.id,
        text_en: indicator.text.en,
        items_id: indicator.items.map((item) => `${item.key}. ${item.text.id}`).join('; '),
        items_en: indicator.items.map((item) => `${item.key}. ${item.text.en}`).join('; '),
        url_id: indicator.url.id,
        url_en: indicator.url.en,
      })),
    ),
  );
  return stringify(rows, { header: true, columns: [...INDICATOR_COLUMNS], bom: true });
}

/** One row per role x competency; `required_level` is empty where the role does not require it. */
export function requirementsCsv(data: OpenData): string {
  const competencies = new Map(data.competencies.map((competency) => [competency.id, competency]));
  const rows = data.roles.flatMap((role) =>
    role.requirements.map(({ competency, level }) => ({
      role: role.id,
      role_name_id: role.name.id,
      role_name_en: role.name.en,
      competency,
      competency_name_id: competencies.get(competency)!.name.id,
      competency_name_en: competencies.get(competency)!.name.en,
      required_level: level ?? '',
    })),
  );
  return stringify(rows, { header: true, columns: [...REQUIREMENT_COLUMNS], bom: true });
}

/** The JSON Schema of the document, generated from `openDataSchema`. */
export const openDataJsonSchema = () => z.toJSONSchema(openDataSchema, { target: 'draft-2020-12' });

/** Counts for the download page. */
export const openDataCounts = (dictionary: Dictionary) => ({
  indicators: dictionary.competencies.reduce((sum, competency) => sum + allIndicators(competency).length, 0),
  requirements: dictionary.roles.length * dictionary.competencies.length,
});
