// What the role x competency matrix must show, read from the parsed draft (never src/content): levels, eligibility, gaps.
import { loadSeed, normalize, type Seed, type SeedCompetency, type SeedIndicator } from './seed.ts';

/** A role column of the draft's leveling table, as the matrix should show it. */
export interface TruthRole {
  /** The column name, e.g. "Admin Sistem". */
  name: string;
  /** Who may hold it: status abbreviation ("P3K", "PNS") and positions ("JF MI", "JF Prakom", "PPBJ"). */
  eligibility: { status: string; positions: string[] }[];
  /** The standards the role's own section lists without a level (e.g. "Standar Kompetensi PBJP Level-1"). */
  prerequisites: string[];
}

/** The draft's matrix: columns in table order, competencies in section order, and the table's cells. */
export interface MatrixTruth {
  seed: Seed;
  roles: TruthRole[];
  competencies: SeedCompetency[];
  /** Rows of the leveling table without levels. */
  prerequisites: string[];
  /** Every status and position the table names, in first-seen order. */
  statuses: string[];
  positions: string[];
  /** The level a role requires of a competency (null: "-" in the table). */
  level: (role: string, competency: string) => number | null;
}

export function matrixTruth(seed: Seed = loadSeed()): MatrixTruth {
  const roles = seed.leveling.columns.map((column) => {
    const section = seed.roles.find((role) => role.column === column.role);
    if (!section) throw new Error(`seed: no role section for leveling column ${column.role}`);
    return { name: column.role, eligibility: column.eligibility, prerequisites: section.prerequisites };
  });
  const unique = (values: string[]) => [...new Set(values)];
  return {
    seed,
    roles,
    competencies: seed.competencies,
    prerequisites: seed.leveling.prerequisites,
    statuses: unique(roles.flatMap((role) => role.eligibility.map(({ status }) => status))),
    positions: unique(roles.flatMap((role) => role.eligibility.flatMap(({ positions }) => positions))),
    level: (role, competency) => {
      const row = [...seed.leveling.levels].find(([name]) => normalize(name) === normalize(competency))?.[1];
      const value = row?.get(role);
      if (value === undefined) throw new Error(`seed: the leveling table has no cell ${competency} / ${role}`);
      return value;
    },
  };
}

/** Whether a role may be held under a status and position (abbreviations as the draft writes them; null: any). */
export const seedRoleMatches = (role: TruthRole, status: string | null, position: string | null): boolean =>
  role.eligibility.some(
    (entry) =>
      (status === null || entry.status === status) && (position === null || entry.positions.includes(position)),
  );

/** The indicators someone at level `from` must add to reach level `to` (none when `to` asks no more). */
export const indicatorsBetween = (
  competency: SeedCompetency,
  from: number | null,
  to: number | null,
): SeedIndicator[] =>
  competency.levels
    .filter(({ level }) => level > (from ?? 0) && level <= (to ?? 0))
    .flatMap(({ indicators }) => indicators);

/** A seed competency by (normalized) name. */
export const seedCompetencyNamed = (truth: MatrixTruth, name: string): SeedCompetency => {
  const found = truth.competencies.find((competency) => normalize(competency.name) === normalize(name));
  if (!found) throw new Error(`seed: no competency named ${name}`);
  return found;
};
