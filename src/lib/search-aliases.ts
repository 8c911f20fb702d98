/**
 * The site's search aliases (`src/content/search-aliases/aliases.json`, the `searchAliases` collection): words staff type that the
 * draft does not use ("vulnerability", "lupa kata sandi"), each group pointed at the indicators it
 * belongs to, per language. They are the site's words, never the draft's: search records carry them after a
 * marked "alias:" and under their own type. Checked against the dictionary so that an alias cannot
 * make a search for the draft's own words find an indicator that does not say them.
 */
import { z } from 'astro/zod';
import { plainText } from './inline.ts';
import { allIndicators, localize, type Dictionary } from './model.ts';
import { LOCALES, type Locale } from './schema.ts';

const words = z.array(z.string().trim().min(1)).min(1);

/** One reviewed group: its words in both languages, the indicators it points at, and why. */
export const searchAliasSchema = z.strictObject({
  words: z.strictObject({ id: words, en: words }),
  targets: z
    .array(z.string().regex(/^[a-z0-9-]+:\d+\.\d+$/, { error: 'an indicator id, e.g. "keamanan-informasi:2.3"' }))
    .min(1),
  reason: z.string().min(10),
});

/** The alias file. */
export const searchAliasesSchema = z.strictObject({
  $comment: z.string().optional(),
  reviewed: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  aliases: z.array(searchAliasSchema),
});

/** A reviewed alias group. */
export type SearchAlias = z.infer<typeof searchAliasSchema>;

/** Lower-case words as search splits them (letters and digits; hyphens and spaces separate). */
export const tokens = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** The text of each indicator in one language, by stable id (`competency:no`), sub-items included. */
function indicatorTexts(dictionary: Dictionary, lang: Locale): Map<string, string> {
  const texts = new Map<string, string>();
  for (const competency of dictionary.competencies) {
    for (const indicator of allIndicators(competency)) {
      const parts = [indicator.text, ...indicator.items.map((item) => item.text)];
      texts.set(`${competency.slug}:${indicator.no}`, parts.map((part) => plainText(localize(part, lang))).join(' '));
    }
  }
  return texts;
}

/** Every word of the dictionary's text in one language: what a search for the draft's words may be. */
function draftWords(dictionary: Dictionary, lang: Locale): Set<string> {
  const text = (value: Parameters<typeof localize>[0]) => plainText(localize(value, lang));
  const parts: string[] = [];
  for (const competency of dictionary.competencies) {
    parts.push(text(competency.name), text(competency.definition));
    for (const level of competency.levels) parts.push(text(level.description));
  }
  parts.push(...indicatorTexts(dictionary, lang).values());
  for (const role of dictionary.roles) {
    parts.push(text(role.name), ...role.duties.map(text));
    if (role.summary) parts.push(text(role.summary));
  }
  for (const term of dictionary.glossary) parts.push(term.term, ...term.aliases, text(term.expansion));
  return new Set(parts.flatMap(tokens));
}

/**
 * Problems of the alias file against the dictionary, as readable messages (none: it is sound):
 * unknown targets, and draft words an alias would add to an indicator that does not say them.
 */
export function aliasIssues(aliases: SearchAlias[], dictionary: Dictionary): string[] {
  const issues: string[] = [];
  for (const lang of LOCALES) {
    const texts = indicatorTexts(dictionary, lang);
    const vocabulary = draftWords(dictionary, lang);
    aliases.forEach((alias, index) => {
      for (const target of alias.targets) {
        const text = texts.get(target);
        if (text === undefined) {
          if (lang === LOCALES[0]) issues.push(`aliases.${index}: unknown indicator "${target}"`);
          continue;
        }
        const own = new Set(tokens(text));
        for (const phrase of alias.words[lang]) {
          for (const word of tokens(phrase)) {
            if (vocabulary.has(word) && !own.has(word)) {
              issues.push(
                `aliases.${index}: "${word}" (in "${phrase}") is a word of the draft (${lang}) that ${target} does not use; ` +
                  `a search for "${word}" would find it. Hint: give ${target} a group without that word.`,
              );
            }
          }
        }
      }
    });
  }
  return [...new Set(issues)];
}

/** The aliases when they are sound against the dictionary; throws with every problem listed. */
export function checkedAliases(aliases: SearchAlias[], dictionary: Dictionary): SearchAlias[] {
  const issues = aliasIssues(aliases, dictionary);
  if (issues.length > 0) throw new Error(`The search aliases have ${issues.length} problem(s):\n${issues.join('\n')}`);
  return aliases;
}

/** Parses and checks the alias file; throws with every problem listed. */
export function parseAliases(json: unknown, dictionary: Dictionary): SearchAlias[] {
  const parsed = searchAliasesSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(`The search aliases do not match their schema:\n${z.prettifyError(parsed.error)}`);
  }
  return checkedAliases(parsed.data.aliases, dictionary);
}

/**
 * The alias words of each indicator id for one language's index, in file order, without repeats.
 * Each language has its own list: words staff type in Indonesian include English ones ("backup").
 */
export function aliasesByIndicator(aliases: SearchAlias[], lang: Locale): Map<string, string[]> {
  const byTarget = new Map<string, string[]>();
  for (const alias of aliases) {
    for (const target of alias.targets) {
      const list = byTarget.get(target) ?? [];
      for (const word of alias.words[lang]) {
        if (!list.some((known) => known.toLowerCase() === word.toLowerCase())) list.push(word);
      }
      byTarget.set(target, list);
    }
  }
  return byTarget;
}
