/**
 * Derives the matrix explorer's data from the dictionary model, at build time. Kept apart from
 * `matrix.ts` so the island's bundle does not carry the model, its schemas or Zod.
 */
import { plainText } from './inline.ts';
import type { MatrixData } from './matrix.ts';
import { localize, type Dictionary } from './model.ts';
import { competencyPath, rolePath } from './paths.ts';

/** Builds the matrix data of one language from the dictionary. */
export function toMatrixData(dictionary: Dictionary, lang: string, locale: string | undefined): MatrixData {
  const text = (value: Parameters<typeof localize>[0]) => plainText(localize(value, lang));
  const options = (keys: Set<string>) =>
    dictionary.glossary
      .filter((term) => keys.has(term.slug))
      .map((term) => ({ key: term.slug, label: [term.term, ...term.aliases].join(' / ') }));
  const roles = dictionary.roles;
  return {
    roles: roles.map((role) => ({
      slug: role.slug,
      name: text(role.name),
      href: rolePath(role.slug, locale),
      eligibility: role.eligibility.map(({ status, positions }) => ({
        status: status.slug,
        positions: positions.map((position) => position.slug),
      })),
    })),
    competencies: dictionary.competencies.map((competency) => ({
      slug: competency.slug,
      name: text(competency.name),
      href: competencyPath(competency.slug, locale),
      levels: competency.levels.map((level) => ({
        level: level.level,
        description: localize(level.description, lang),
        href: competencyPath(competency.slug, locale, level.anchor),
        indicators: level.indicators.map((indicator) => ({
          no: indicator.no,
          // Italics kept: the islands show them as the content pages do.
          text: localize(indicator.text, lang),
          items: indicator.items.map((item) => `${item.key}. ${localize(item.text, lang)}`),
          href: competencyPath(competency.slug, locale, indicator.anchor),
        })),
      })),
    })),
    required: roles.map((role) => role.requirements.map(({ level }) => level?.level ?? null)),
    prerequisites: dictionary.prerequisites.map((prerequisite) => ({
      name: text(prerequisite.name),
      roles: roles.map((role) => role.prerequisites.includes(prerequisite)),
    })),
    statuses: options(new Set(roles.flatMap((role) => role.eligibility.map(({ status }) => status.slug)))),
    positions: options(
      new Set(roles.flatMap((role) => role.eligibility.flatMap(({ positions }) => positions.map((p) => p.slug)))),
    ),
  };
}
