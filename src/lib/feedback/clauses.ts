/**
 * The clauses a reader can comment on (masukan), derived from the dictionary model: every competency
 * definition, level description, indicator and sub-item, and every role's job summary, duties and
 * required levels. Each has a stable, language-neutral id, the number the draft gives it, its current
 * text in both languages and its place on the site, in dictionary order. Build time only.
 */
import { plainText } from '../inline.ts';
import {
  localize,
  roleStandard,
  type Competency,
  type Indicator,
  type Level,
  type Dictionary,
  type Role,
} from '../model.ts';
import { competencyPath, rolePath } from '../paths.ts';
import type { Localized } from '../schema.ts';
import type { ClauseRow } from './record.ts';

/** What part of the draft a clause is. */
export type ClauseKind = 'definition' | 'level' | 'indicator' | 'item' | 'summary' | 'duty' | 'requirement';

/** One commentable clause of the draft. */
export interface Clause {
  /** Stable id: the page's slug and the clause's fragment id, e.g. `layanan-lpse.indikator-3-2`. */
  id: string;
  kind: ClauseKind;
  /** The draft's own numbering, e.g. `1 · 3.2 a` (competency 1, indicator 3.2, item a) or `Helpdesk · II.2`. */
  number: string;
  /** The competency or role the clause belongs to. */
  place: Localized;
  text: Localized;
  page: 'competency' | 'role';
  slug: string;
  /** Fragment id on its page. */
  anchor: string;
  /** Position in the dictionary (competencies in order, then roles). */
  order: number;
}

type ClauseRef = Pick<Clause, 'id' | 'number' | 'anchor'>;

const ref = (slug: string, anchor: string, number: string): ClauseRef => ({ id: `${slug}.${anchor}`, number, anchor });

/** A competency's definition. */
export const definitionClause = (competency: Competency): ClauseRef =>
  ref(competency.slug, 'definisi', `${competency.order}`);

/** A level's description. */
export const levelClause = (level: Level): ClauseRef =>
  ref(level.competency.slug, level.anchor, `${level.competency.order} · Level ${level.level}`);

/** An indicator. */
export const indicatorClause = (indicator: Indicator): ClauseRef =>
  ref(indicator.competency.slug, indicator.anchor, `${indicator.competency.order} · ${indicator.no}`);

/** A lettered sub-item (butir) of an indicator: `butir-3-2-a`, apart from the indicators' `indikator-` anchors. */
export const itemClause = (indicator: Indicator, key: string): ClauseRef =>
  ref(
    indicator.competency.slug,
    `butir-${indicator.no.replace('.', '-')}-${key}`,
    `${indicator.competency.order} · ${indicator.no} ${key}`,
  );

/** A role's job summary (I. Ikhtisar Jabatan). */
export const summaryClause = (role: Role): ClauseRef => ref(role.slug, 'ikhtisar-jabatan', `${role.name.id} · I`);

/** A role's duty, numbered from 1 as the draft lists them under I. Ikhtisar Jabatan. */
export const dutyClause = (role: Role, index: number): ClauseRef =>
  ref(role.slug, `tugas-${index + 1}`, `${role.name.id} · I.${index + 1}`);

/**
 * A role's required level of one competency: a row of II. Standar Kompetensi Teknis, numbered as the
 * draft's role section numbers it (`roleStandard`); a competency the section does not list has no row.
 */
export const requirementClause = (role: Role, competency: Competency): ClauseRef | undefined => {
  const row = roleStandard(role).rows.find((entry) => entry.kind === 'competency' && entry.competency === competency);
  return row && ref(role.slug, `standar-${competency.slug}`, `${role.name.id} · II.${row.no}`);
};

/** Every clause of the dictionary, in dictionary order. */
export function buildClauses(dictionary: Dictionary): Clause[] {
  const clauses: Omit<Clause, 'order'>[] = [];
  for (const competency of dictionary.competencies) {
    const at = { place: competency.name, page: 'competency' as const, slug: competency.slug };
    clauses.push({ ...definitionClause(competency), ...at, kind: 'definition', text: competency.definition });
    for (const level of competency.levels) {
      clauses.push({ ...levelClause(level), ...at, kind: 'level', text: level.description });
      for (const indicator of level.indicators) {
        clauses.push({ ...indicatorClause(indicator), ...at, kind: 'indicator', text: indicator.text });
        for (const item of indicator.items) {
          clauses.push({ ...itemClause(indicator, item.key), ...at, kind: 'item', text: item.text });
        }
      }
    }
  }
  for (const role of dictionary.roles) {
    const at = { place: role.name, page: 'role' as const, slug: role.slug };
    if (role.summary) clauses.push({ ...summaryClause(role), ...at, kind: 'summary', text: role.summary });
    role.duties.forEach((duty, index) => clauses.push({ ...dutyClause(role, index), ...at, kind: 'duty', text: duty }));
    for (const { competency, level } of role.requirements) {
      // The row as the draft's role section states it: the competency and its required level.
      const clause = requirementClause(role, competency);
      if (!clause || !level) continue;
      const required = (lang: 'id' | 'en') => `${localize(competency.name, lang)}: Level ${level.level}`;
      clauses.push({
        ...clause,
        ...at,
        kind: 'requirement',
        text: { id: required('id'), en: required('en') },
      });
    }
  }
  return clauses.map((clause, order) => ({ ...clause, order }));
}

/** The clause table of one language as the feedback page's island gets it: plain text and links. */
export function toClauseRows(clauses: Clause[], lang: string, locale: string | undefined): ClauseRow[] {
  return clauses.map((clause) => ({
    id: clause.id,
    number: clause.number,
    place: plainText(localize(clause.place, lang)),
    text: plainText(localize(clause.text, lang)),
    href:
      clause.page === 'competency'
        ? competencyPath(clause.slug, locale, clause.anchor)
        : `${rolePath(clause.slug, locale)}#${clause.anchor}`,
  }));
}
