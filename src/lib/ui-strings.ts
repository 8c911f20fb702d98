/**
 * This site's own UI strings, added to Starlight's i18n collection. Every key is required, so a
 * locale file that lacks one fails the build with the key named.
 */
import { z } from 'astro/zod';

const uiString = z.string().min(1);

/** The keys of this site's UI strings (Starlight's own keys are separate). */
export const UI_STRING_KEYS = [
  'kkt.draft',
  'kkt.draftNotice',
  'kkt.draftNoticeLink',
  'kkt.translationNotice',
  'kkt.competencies',
  'kkt.competenciesLead',
  'kkt.roles',
  'kkt.rolesLead',
  'kkt.glossary',
  'kkt.glossaryLead',
  'kkt.glossaryFromSource',
  'kkt.code',
  'kkt.codeUnassigned',
  'kkt.definition',
  'kkt.levels',
  'kkt.level',
  'kkt.levelShort',
  'kkt.description',
  'kkt.indicators',
  'kkt.indicatorCount',
  'kkt.addsBase',
  'kkt.addsOver',
  'kkt.requiredBy',
  'kkt.requiredByNone',
  'kkt.alsoKnownAs',
  'kkt.summary',
  'kkt.duties',
  'kkt.eligibility',
  'kkt.eligibilityRow',
  'kkt.prerequisite',
  'kkt.prerequisiteNote',
  'kkt.standard',
  'kkt.standardCaption',
  'kkt.colCompetency',
  'kkt.colLevel',
  'kkt.colDescription',
  'kkt.colIndicators',
  'kkt.notRequired',
  'kkt.outsideDictionary',
  'kkt.requiredLevels',
  'kkt.indicatorLink',
  'kkt.sourceTitle',
  'kkt.sourceNumber',
  'kkt.sourceDate',
  'kkt.sourceStatus',
  'kkt.statusDraft',
  'kkt.statusFinal',
  'kkt.sourceIssuer',
  'kkt.sourceSignatory',
  'kkt.sourceAddressee',
  'kkt.sourceTicket',
  'kkt.sourceDeadline',
  'kkt.sourceChannel',
  'kkt.legalBasis',
  'kkt.homeCompetencies',
  'kkt.homeRoles',
] as const;

/** Zod shape for `i18nSchema({ extend })`. */
export const uiStringsSchema = z.object(
  Object.fromEntries(UI_STRING_KEYS.map((key) => [key, uiString])) as Record<
    (typeof UI_STRING_KEYS)[number],
    typeof uiString
  >,
);
