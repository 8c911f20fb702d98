/**
 * Zod schemas for the dictionary's MDX frontmatter.
 *
 * Plain TypeScript with no `astro:` imports, so the same schemas validate the content in the
 * Astro build (`src/content.config.ts`), in the fast `npm run check`, and in unit tests.
 * Language-neutral facts (levels, indicator numbers, codes, required levels, eligibility) are
 * plain values; every human-language text is a `Localized` object keyed by locale.
 */
import { z } from 'astro/zod';
import { LEVELS } from './levels.ts';
import type { Lang } from './locales.ts';

// Declared once beside their other users (the islands, Starlight's config), used here as before.
export { LEVELS } from './levels.ts';
export { LOCALES } from './locales.ts';
/** A locale of the dictionary text. */
export type Locale = Lang;

const nonEmpty = z.string().trim().min(1, { error: 'must not be empty' });

/** A slug-like key that references another entry (a file name without `.mdx`). */
export const keySchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be a lowercase key such as "jf-prakom"' });

/** One language's text of a `Localized`: present and not blank, with a hint naming the language. */
const localizedText = (key: Locale, language: string, what: string) =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? `the ${language} text is missing; add \`${key}:\` with ${what}`
          : `the ${language} text must be text; write ${what} after \`${key}:\``,
    })
    .trim()
    .min(1, { error: `the ${language} text is empty; write ${what}` });

/** One text in both languages, neither blank: Indonesian as in the draft and its English translation. */
export const localizedSchema = z.strictObject({
  id: localizedText('id', 'Indonesian', "the draft's wording"),
  en: localizedText('en', 'English', 'the translation'),
});
/** One text in both languages. */
export type Localized = z.infer<typeof localizedSchema>;

const [firstLevel, lastLevel] = [LEVELS[0], LEVELS.at(-1)!];
const levelNumber = z
  .number({ error: `must be a whole number from ${firstLevel} to ${lastLevel}` })
  .int({ error: `must be a whole number from ${firstLevel} to ${lastLevel}` })
  .min(firstLevel, { error: `must be from ${firstLevel} to ${lastLevel}` })
  .max(lastLevel, { error: `must be from ${firstLevel} to ${lastLevel}` });

/** A sub-item of an indicator, lettered a, b, c … as in the source. */
export const subItemSchema = z.strictObject({
  key: z.string().regex(/^[a-z]$/, { error: 'must be a single lowercase letter such as "a"' }),
  text: localizedSchema,
});

/** A behavioural indicator (indikator perilaku), numbered "level.position", e.g. "3.2". */
export const indicatorSchema = z.strictObject({
  no: z
    .string({ error: 'must be a quoted string such as "3.2" (YAML reads 3.2 as a number)' })
    .regex(/^[1-5]\.[1-9]\d*$/, {
      error: 'must look like "3.2": the level, a dot, the position',
    }),
  text: localizedSchema,
  items: z.array(subItemSchema).min(1).optional(),
});

/** One proficiency level (kecakapan) of a competency. */
export const levelSchema = z
  .strictObject({
    level: levelNumber,
    description: localizedSchema,
    indicators: z.array(indicatorSchema).min(1, { error: 'a level needs at least one indicator' }),
  })
  .superRefine(({ level, indicators }, ctx) => {
    indicators.forEach((indicator, index) => {
      const [lvl] = indicator.no.split('.').map(Number);
      if (lvl !== level) {
        ctx.addIssue({
          code: 'custom',
          path: ['indicators', index, 'no'],
          message: `indicator "${indicator.no}" does not belong to level ${level}; number it "${level}.${index + 1}"`,
        });
      } else if (indicator.no !== `${level}.${index + 1}`) {
        const seen = indicators.slice(0, index).some((other) => other.no === indicator.no);
        ctx.addIssue({
          code: 'custom',
          path: ['indicators', index, 'no'],
          message: seen
            ? `indicator "${indicator.no}" repeats; each number appears once`
            : `indicator "${indicator.no}" is out of sequence: expected "${level}.${index + 1}" (numbers run 1, 2, 3 … without gaps)`,
        });
      }
      indicator.items?.forEach((item, itemIndex) => {
        const expected = String.fromCharCode(97 + itemIndex);
        if (item.key !== expected) {
          ctx.addIssue({
            code: 'custom',
            path: ['indicators', index, 'items', itemIndex, 'key'],
            message: `sub-item "${item.key}" is out of sequence: expected "${expected}"`,
          });
        }
      });
    });
  });

/** The declared shape of a competency code: capital letters then digits, such as "KTLPSE01". */
export const CODE_PATTERN = /^[A-Z]{2,8}[0-9]{1,4}$/;

/** What an editor may type for a blank code: only punctuation (….., -, _, ?) or a word such as TBD. */
const CODE_PLACEHOLDER = /^[\s.…_?*\-–—]*(?:(?:tbd|tba|todo|xx+|n\/?a|kosong|belum(?: ada)?)[\s.…_?*\-–—]*)?$/i;

/** A competency code: `null` while the draft leaves it blank, else one matching `CODE_PATTERN`. */
export const codeSchema = z
  .string({ error: 'must be a code in quotes such as "KTLPSE01", or null while the draft leaves it blank' })
  .nullable()
  .superRefine((code, ctx) => {
    if (code === null || CODE_PATTERN.test(code)) return;
    ctx.addIssue({
      code: 'custom',
      message: CODE_PLACEHOLDER.test(code)
        ? `"${code}" is a placeholder, not a code; write \`code: null\` while the draft leaves the code blank`
        : `"${code}" is not a code: write capital letters then digits, such as "KTLPSE01" (no dots, dashes, underscores or spaces), or \`code: null\` while the draft leaves it blank`,
    });
  });

/** A technical competency (kompetensi teknis) with its five levels. */
export const competencySchema = z
  .strictObject({
    order: z.number().int().positive(),
    /** Kode Kompetensi: blank ("…..") in the draft, so `null` until LKPP assigns one. */
    code: codeSchema,
    name: localizedSchema,
    definition: localizedSchema,
    levels: z.array(levelSchema),
  })
  .superRefine(({ levels }, ctx) => {
    for (const level of LEVELS) {
      const at = levels.flatMap((entry, index) => (entry.level === level ? [index] : []));
      if (at.length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['levels'],
          message: `level ${level} is missing; a competency has levels 1 to 5`,
        });
      }
      for (const index of at.slice(1)) {
        ctx.addIssue({ code: 'custom', path: ['levels', index, 'level'], message: `level ${level} appears twice` });
      }
    }
    levels.forEach((entry, index) => {
      if (entry.level !== index + 1 && levels.filter((l) => l.level === entry.level).length === 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['levels', index, 'level'],
          message: `levels must be listed in order 1 to 5; found level ${entry.level} in position ${index + 1}`,
        });
      }
    });
  });

/** Who may hold a role: an employment status and the functional positions open to it. */
export const eligibilitySchema = z.strictObject({
  status: keySchema,
  positions: z.array(keySchema).min(1, { error: 'name at least one functional position' }),
});

/** A role (peran) of an LPSE unit with the level it requires of each competency. */
export const roleSchema = z
  .strictObject({
    order: z.number().int().positive(),
    name: localizedSchema,
    /** Other names the source uses for the same role, e.g. "Administrator Sistem". */
    aliases: z.array(localizedSchema).default([]),
    /** The job summary (Ikhtisar Jabatan) sentence, where the source gives one. */
    summary: localizedSchema.optional(),
    /** The duties the job summary lists, verbatim with their punctuation. */
    duties: z.array(localizedSchema).default([]),
    eligibility: z.array(eligibilitySchema).min(1, { error: 'name at least one employment status' }),
    /** Keys of prerequisite standards declared in the source entry. */
    prerequisites: z.array(keySchema).default([]),
    /** Required level per competency key; `null` where the source has "-" (not required). */
    requirements: z.record(keySchema, levelNumber.nullable()),
  })
  .superRefine(({ summary, duties }, ctx) => {
    if (!summary && duties.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['summary'], message: 'a role needs a summary, duties, or both' });
    }
  });

/** Where a glossary expansion comes from: the draft's notes, the letter or draft text, or elsewhere. */
export const EXPANSION_ORIGINS = ['draft-notes', 'draft-text', 'elsewhere'] as const;

/**
 * Which parts of a glossary entry come from the draft and which from elsewhere, with the source
 * named, so the glossary can say so instead of implying the draft explains everything.
 */
export const termProvenanceSchema = z
  .strictObject(
    {
      /**
       * The Indonesian expansion: `draft-notes` (the "Keterangan" under the levelling table),
       * `draft-text` (written out in the letter or the draft, e.g. "Kamus Kompetensi Teknis (KKT)"),
       * or `elsewhere` (not in the draft; `expansionSource` names where).
       */
      expansion: z.enum(EXPANSION_ORIGINS, { error: `must be one of ${EXPANSION_ORIGINS.join(', ')}` }),
      /** The regulation or document the expansion is taken from, by its Indonesian name. */
      expansionSource: nonEmpty.optional(),
      /** Where the English rendering is used publicly (see TERMS.md); absent: this site's own rendering. */
      englishSource: nonEmpty.optional(),
    },
    {
      error: (issue) =>
        issue.input === undefined
          ? 'is required: say where the expansion comes from (expansion: draft-notes, draft-text or elsewhere)'
          : undefined,
    },
  )
  .superRefine(({ expansion, expansionSource }, ctx) => {
    if (expansion === 'elsewhere' && !expansionSource) {
      ctx.addIssue({
        code: 'custom',
        path: ['expansionSource'],
        message: 'an expansion from outside the draft must name its source',
      });
    }
    if (expansion !== 'elsewhere' && expansionSource) {
      ctx.addIssue({
        code: 'custom',
        path: ['expansionSource'],
        message: `only an expansion from "elsewhere" names a source; this one comes from the draft (${expansion})`,
      });
    }
  });

/** A glossary term: an acronym or term the source or the site uses. */
export const termSchema = z.strictObject({
  term: nonEmpty,
  /** Other spellings of the same acronym, e.g. PPPK for P3K. */
  aliases: z.array(nonEmpty).default([]),
  expansion: localizedSchema,
  description: localizedSchema.optional(),
  /** Where the expansion and its English come from; required, so no entry is left unsourced. */
  provenance: termProvenanceSchema,
});

/**
 * A calendar date written YYYY-MM-DD. `npm run check` (and the build, which runs it first) reads
 * the YAML without timestamps, so the text as written arrives here and 2022-11-31 is refused;
 * Astro's own parse turns it into a `Date` (1 December, silently), accepted here once checked.
 */
export const dateSchema = z.unknown().transform((value, ctx): Date => {
  if (value instanceof Date && !Number.isNaN(value.valueOf())) return value;
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!match) {
    ctx.addIssue({ code: 'custom', message: 'must be a date written YYYY-MM-DD, such as 2022-11-04' });
    return z.NEVER;
  }
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12) {
    ctx.addIssue({
      code: 'custom',
      message: `${value} is not a calendar date: there is no month ${month}; write YYYY-MM-DD`,
    });
  } else if (date.getUTCMonth() !== month - 1 || day < 1) {
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const monthName = new Date(Date.UTC(year, month - 1, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' });
    ctx.addIssue({
      code: 'custom',
      message: `${value} is not a calendar date: ${monthName} ${year} has ${days} days; check the day and the month`,
    });
  }
  return date;
});

/** Refuses an item whose `key` repeats an earlier one of the same list (`list` names it in the message). */
const uniqueKeys = (list: string, hint: string) => (items: { key: string }[], ctx: z.RefinementCtx) => {
  items.forEach(({ key }, index) => {
    const first = items.findIndex((item) => item.key === key);
    if (first !== index) {
      ctx.addIssue({
        code: 'custom',
        path: [index, 'key'],
        message: `key "${key}" is already used by ${list}.${first}.key; ${hint}`,
      });
    }
  });
};

/** A law or regulation the source cites; cited by its Indonesian name in every language. */
export const legalBasisSchema = z.strictObject({
  key: keySchema,
  citation: nonEmpty,
  provision: nonEmpty.optional(),
  title: nonEmpty,
  note: localizedSchema.optional(),
});

/** The source document: LKPP's letter and its attached draft. */
export const sourceSchema = z.strictObject({
  title: localizedSchema,
  number: nonEmpty,
  date: dateSchema,
  status: z.enum(['draft', 'final']),
  issuer: localizedSchema,
  signatory: localizedSchema,
  addressee: localizedSchema,
  ticket: nonEmpty,
  consultation: z.strictObject({
    deadline: dateSchema,
    channel: nonEmpty,
    /** The letter's subject line (Hal), which a unit's response cites. */
    subject: localizedSchema.optional(),
    /** The letter's own words asking for feedback (channel and deadline), without the contact person. */
    request: localizedSchema.optional(),
  }),
  legalBasis: z
    .array(legalBasisSchema)
    .min(1)
    .superRefine(
      uniqueKeys('legalBasis', "the key is the law's link anchor (#key) on the page, so give each law its own"),
    ),
  /** Standards every role must hold before the technical ones, e.g. PBJP level 1. */
  prerequisites: z
    .array(z.strictObject({ key: keySchema, name: localizedSchema }))
    .superRefine(uniqueKeys('prerequisites', 'roles name a prerequisite by its key, so give each its own'))
    .default([]),
});

/** Frontmatter of a competency entry, after validation. */
export type CompetencyData = z.infer<typeof competencySchema>;
/** Frontmatter of a role entry, after validation. */
export type RoleData = z.infer<typeof roleSchema>;
/** Frontmatter of a glossary entry, after validation. */
export type TermData = z.infer<typeof termSchema>;
/** Frontmatter of the source-document entry, after validation. */
export type SourceData = z.infer<typeof sourceSchema>;
