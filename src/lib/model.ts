/**
 * The typed dictionary model: every view of the site (competency pages, role standards, indexes,
 * and later the matrix, self-check, search records and data files) is derived from `Dictionary`.
 *
 * Facts are stated once in frontmatter: required levels live on roles, and "which roles need this
 * level" is computed here. Pure and synchronous, so unit tests and `npm run check` use it as the
 * build does.
 */
import { LEVELS, type Locale, type Localized, type SourceData, type TermData } from './schema.ts';
import { climb } from './levels.ts';
import { ContentError, crossCheck, type DictionaryInput, type EntryInput } from './validate.ts';

// The input types live with the checks that read them, so neither module imports the other.
export type { DictionaryInput, EntryInput } from './validate.ts';

/** A lettered sub-item of an indicator. */
export interface SubItem {
  key: string;
  text: Localized;
}

/** A behavioural indicator, placed in its competency and level. */
export interface Indicator {
  /** "3.2": level and position, as the source numbers it. */
  no: string;
  level: number;
  position: number;
  /** Fragment id on the competency page, e.g. `indikator-3-2`. */
  anchor: string;
  text: Localized;
  items: SubItem[];
  competency: Competency;
}

/** One of the five levels of a competency. */
export interface Level {
  level: number;
  /** Fragment id on the competency page, e.g. `level-3`. */
  anchor: string;
  description: Localized;
  /** The indicators this level adds to the ones below it. */
  indicators: Indicator[];
  /** Roles whose standard requires exactly this level. */
  requiredBy: Role[];
  competency: Competency;
}

/** A technical competency with its levels. */
export interface Competency {
  slug: string;
  order: number;
  file: string;
  /** `null` while LKPP has not assigned a code (the draft leaves every code blank). */
  code: string | null;
  name: Localized;
  definition: Localized;
  levels: Level[];
}

/** A glossary term. */
export interface Term {
  slug: string;
  term: string;
  aliases: string[];
  expansion: Localized;
  description?: Localized;
  /** Where the expansion and its English come from (the draft, or a named source). */
  provenance: TermData['provenance'];
}

/**
 * A row the draft puts first in every role's technical standard, with no level, for a standard
 * outside this dictionary ("Standar Kompetensi PBJP Level-1"). The code calls it a prerequisite;
 * the site does not: the draft gives it no such name.
 */
export interface Prerequisite {
  key: string;
  name: Localized;
}

/** Who may hold a role. */
export interface Eligibility {
  status: Term;
  positions: Term[];
}

/** What a role requires of one competency; `level` is null where it is not required. */
export interface Requirement {
  competency: Competency;
  level: Level | null;
}

/** A role of an LPSE unit and its competency standard. */
export interface Role {
  slug: string;
  order: number;
  file: string;
  name: Localized;
  aliases: Localized[];
  summary?: Localized;
  duties: Localized[];
  eligibility: Eligibility[];
  prerequisites: Prerequisite[];
  /** One per competency, in competency order. */
  requirements: Requirement[];
}

/** The source document's metadata. */
export type Source = SourceData & { file: string };

/** The whole dictionary, cross-checked and linked. */
export interface Dictionary {
  source: Source;
  competencies: Competency[];
  roles: Role[];
  glossary: Term[];
  prerequisites: Prerequisite[];
}

/** Fragment id of a level on its competency page. */
export const levelAnchor = (level: number): string => `level-${level}`;

/** Fragment id of an indicator on its competency page: "3.2" becomes `indikator-3-2`. */
export const indicatorAnchor = (no: string): string => `indikator-${no.replace('.', '-')}`;

const byOrder = <T extends { data: { order: number } }>(a: T, b: T) => a.data.order - b.data.order;

/**
 * Builds the linked dictionary from parsed entries.
 * @throws {ContentError} listing every cross-entry problem with its file and field.
 */
export function buildDictionary(input: DictionaryInput): Dictionary {
  const issues = crossCheck(input);
  if (issues.length > 0) throw new ContentError(issues);

  const [sourceEntry] = input.source as [EntryInput<SourceData>];
  const source: Source = { ...sourceEntry.data, file: sourceEntry.file };

  const glossary: Term[] = input.glossary
    .map(({ id, data }) => ({ slug: id, ...data }))
    .sort((a, b) => a.term.localeCompare(b.term, 'id'));
  const termBySlug = new Map(glossary.map((term) => [term.slug, term]));

  const competencies = [...input.competencies].sort(byOrder).map(({ id, file, data }) => {
    const competency: Competency = {
      slug: id,
      order: data.order,
      file,
      code: data.code,
      name: data.name,
      definition: data.definition,
      levels: [],
    };
    competency.levels = data.levels.map((level) => {
      const built: Level = {
        level: level.level,
        anchor: levelAnchor(level.level),
        description: level.description,
        indicators: [],
        requiredBy: [],
        competency,
      };
      built.indicators = level.indicators.map((indicator, index) => ({
        no: indicator.no,
        level: level.level,
        position: index + 1,
        anchor: indicatorAnchor(indicator.no),
        text: indicator.text,
        items: indicator.items ?? [],
        competency,
      }));
      return built;
    });
    return competency;
  });

  const prerequisites = source.prerequisites;
  const prerequisiteByKey = new Map(prerequisites.map((prerequisite) => [prerequisite.key, prerequisite]));

  const roles = [...input.roles].sort(byOrder).map(({ id, file, data }) => {
    const role: Role = {
      slug: id,
      order: data.order,
      file,
      name: data.name,
      aliases: data.aliases,
      summary: data.summary,
      duties: data.duties,
      eligibility: data.eligibility.map(({ status, positions }) => ({
        status: termBySlug.get(status)!,
        positions: positions.map((position) => termBySlug.get(position)!),
      })),
      prerequisites: data.prerequisites.map((key) => prerequisiteByKey.get(key)!),
      requirements: competencies.map((competency) => {
        const required = data.requirements[competency.slug];
        return { competency, level: required ? competency.levels[required - 1]! : null };
      }),
    };
    for (const { level } of role.requirements) level?.requiredBy.push(role);
    return role;
  });

  return { source, competencies, roles, glossary, prerequisites };
}

/** One numbered row of a role's technical standard, numbered as the draft's role section numbers it. */
export type StandardRow =
  | { no: number; kind: 'prerequisite'; prerequisite: Prerequisite }
  | { no: number; kind: 'competency'; competency: Competency; level: Level };

/** A role's technical standard in the draft's layout. */
export interface RoleStandard {
  /** The draft's rows: the standards it lists without a level first, then each required competency. */
  rows: StandardRow[];
  /** Competencies the role's section leaves out (a "-" in the levelling table): "not required" is this site's reading. */
  notListed: Competency[];
}

/** A role's standard as its section in the draft lays it out, so pages number rows exactly as the draft does. */
export function roleStandard(role: Role): RoleStandard {
  const rows: StandardRow[] = role.prerequisites.map((prerequisite, index) => ({
    no: index + 1,
    kind: 'prerequisite',
    prerequisite,
  }));
  for (const { competency, level } of role.requirements) {
    if (level) rows.push({ no: rows.length + 1, kind: 'competency', competency, level });
  }
  const notListed = role.requirements.flatMap(({ competency, level }) => (level ? [] : [competency]));
  return { rows, notListed };
}

/** Every indicator of levels 1 to `level` of a competency: what holding that level means under this site's cumulative reading. */
export function indicatorsUpTo(competency: Competency, level: number): Indicator[] {
  return climb(competency.levels, 0, level).all;
}

/** All indicators of a competency, level by level. */
export function allIndicators(competency: Competency): Indicator[] {
  return indicatorsUpTo(competency, LEVELS.length);
}

/** The text in the requested language, or the Indonesian authority where no translation exists. */
export function localize(text: Localized, lang: string): string {
  return text[lang as Locale] ?? text.id;
}

/** `localize` bound to one language, for components that render many texts. */
export const localizer =
  (lang: string) =>
  (text: Localized): string =>
    localize(text, lang);

/** A role's other names in one language, without repeats of its name (aliases can coincide in translation). */
export function otherNames(role: Role, lang: string): string[] {
  const name = localize(role.name, lang);
  return [...new Set(role.aliases.map((alias) => localize(alias, lang)))].filter((alias) => alias !== name);
}
