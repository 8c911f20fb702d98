/**
 * What the self-check asks and shows beyond scoring: any role's development plan grouped by
 * competency and level (opened from the role-fit table without changing the target role), and
 * progress counted over what the target role still needs. Pure functions over the record.
 */
import type { MatrixData, MatrixIndicator } from './matrix.ts';
import {
  answersByLevel,
  competenciesInScope,
  levelsInScope,
  meets,
  stillToReach,
  type SelfCheckRecord,
} from './self-check.ts';

/** One level of a plan: the indicators of that level not yet answered "Ya". */
export interface PlanLevel {
  level: number;
  indicators: MatrixIndicator[];
}

/** One competency of a role's plan. */
export interface PlanCompetency {
  competency: number;
  /** The role's required level. */
  required: number;
  meets: 'yes' | 'no' | 'unknown';
  /** Levels 1..required with indicators still to reach; empty when met. */
  levels: PlanLevel[];
}

/** A role's gap and plan: each competency it requires, what is left of it, level by level. */
export function rolePlan(data: MatrixData, record: SelfCheckRecord, role: number): PlanCompetency[] {
  return data.competencies.flatMap((_, index) => {
    const required = data.required[role]?.[index] ?? null;
    if (required === null) return [];
    const byLevel = answersByLevel(data, record, index);
    const levels = stillToReach(data, byLevel, index, required).byLevel.filter(
      ({ indicators }) => indicators.length > 0,
    );
    return [{ competency: index, required, meets: meets(byLevel, required), levels }];
  });
}

/**
 * Answered and needed indicators for the current target. Needed are the indicators of the levels
 * in scope up to and including the first level with a "Belum": above it the level cannot be
 * reached, so those questions fold away as optional. Switching target keeps every answer, and the
 * count then shows what the new target still asks, not what an earlier target never needed.
 */
export function neededProgress(
  data: MatrixData,
  record: SelfCheckRecord,
): { answered: number; total: number; next: { competency: number; index: number } | null } {
  let answered = 0;
  let total = 0;
  let next: { competency: number; index: number } | null = null;
  for (const competency of competenciesInScope(data, record)) {
    const byLevel = answersByLevel(data, record, competency);
    const firstNo = byLevel.findIndex((answers) => answers.includes('n'));
    const last = Math.min(levelsInScope(data, record, competency), firstNo < 0 ? byLevel.length : firstNo + 1);
    let index = 0;
    byLevel.forEach((answers, level) => {
      for (const value of answers) {
        if (level < last) {
          total++;
          if (value !== '_') answered++;
          else next ??= { competency, index };
        }
        index++;
      }
    });
  }
  return { answered, total, next };
}
