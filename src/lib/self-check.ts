/**
 * The self-check (asesmen mandiri): a versioned answer record, its strict parsing from a share link,
 * a file or storage, and scoring as pure functions. Runs in the browser; imports no content.
 *
 * Each indicator is answered "y" (Ya/Yes), "n" (Belum/Not yet) or left "_" (unanswered), stored
 * per competency as one character per indicator in dictionary order, e.g. "yyy_n…".
 */
import { climb, LEVELS, type Climb } from './levels.ts';
import type { MatrixData, MatrixIndicator } from './matrix.ts';

/** The record's format version; a record of any other version is refused, not guessed at. */
export const RECORD_VERSION = 1;
/** Longest share link fragment or file accepted, far above any real record. */
export const MAX_RECORD_LENGTH = 20_000;

/** An answer to one indicator. */
export type Answer = 'y' | 'n' | '_';

/** Everything a person has entered: target role, scope and answers. No name, no identifier. */
export interface SelfCheckRecord {
  v: typeof RECORD_VERSION;
  /** Target role slug, or null to check every competency without a role. */
  role: string | null;
  /** Ask every level of every competency, not only the target role's. */
  all: boolean;
  /** Per competency slug, one answer character per indicator. */
  answers: Record<string, string>;
}

/** Why a record was refused; the UI turns each into a message. */
export type RecordProblem = 'malformed' | 'too-long' | 'version' | 'unknown-role' | 'unknown-competency' | 'answers';

/** A parse outcome: the record, or the reason it was refused. */
export type ParseResult = { ok: true; record: SelfCheckRecord } | { ok: false; problem: RecordProblem };

/** Number of indicators of each competency, in dictionary order. */
export const indicatorCounts = (data: MatrixData): number[] =>
  data.competencies.map((competency) => competency.levels.reduce((sum, level) => sum + level.indicators.length, 0));

/** A record with nothing answered. */
export function emptyRecord(data: MatrixData, role: string | null = null, all = false): SelfCheckRecord {
  const counts = indicatorCounts(data);
  return {
    v: RECORD_VERSION,
    role,
    all,
    answers: Object.fromEntries(data.competencies.map((c, index) => [c.slug, '_'.repeat(counts[index]!)])),
  };
}

/**
 * Checks an untrusted value (parsed JSON from a file or storage) against the dictionary: right
 * version, known role and competencies, one y/n/_ per indicator. Never throws.
 */
export function parseRecord(value: unknown, data: MatrixData): ParseResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, problem: 'malformed' };
  const input = value as Record<string, unknown>;
  if (input.v !== RECORD_VERSION) return { ok: false, problem: typeof input.v === 'number' ? 'version' : 'malformed' };
  const role = input.role ?? null;
  if (role !== null && (typeof role !== 'string' || !data.roles.some((entry) => entry.slug === role))) {
    return { ok: false, problem: 'unknown-role' };
  }
  if (typeof input.all !== 'boolean') return { ok: false, problem: 'malformed' };
  const answers = input.answers;
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers))
    return { ok: false, problem: 'malformed' };
  const counts = indicatorCounts(data);
  const known = new Map(data.competencies.map((competency, index) => [competency.slug, counts[index]!]));
  const result: Record<string, string> = {};
  for (const [slug, text] of Object.entries(answers as Record<string, unknown>)) {
    const count = known.get(slug);
    if (count === undefined) return { ok: false, problem: 'unknown-competency' };
    if (typeof text !== 'string' || text.length !== count || !/^[yn_]*$/.test(text)) {
      return { ok: false, problem: 'answers' };
    }
    result[slug] = text;
  }
  const empty = emptyRecord(data);
  return { ok: true, record: { v: RECORD_VERSION, role, all: input.all, answers: { ...empty.answers, ...result } } };
}

/** Parses JSON text (a file, a storage value) into a record; never throws. */
export function parseRecordJson(text: string, data: MatrixData): ParseResult {
  if (text.length > MAX_RECORD_LENGTH) return { ok: false, problem: 'too-long' };
  try {
    return parseRecord(JSON.parse(text), data);
  } catch {
    return { ok: false, problem: 'malformed' };
  }
}

/** Writes a record as a URL fragment (without `#`): readable, and only what is answered. */
export function encodeFragment(record: SelfCheckRecord): string {
  const params = new URLSearchParams({ v: String(record.v) });
  if (record.role) params.set('r', record.role);
  if (record.all) params.set('all', '1');
  for (const [slug, answers] of Object.entries(record.answers)) {
    if (/[yn]/.test(answers)) params.set(slug, answers);
  }
  return params.toString();
}

/** Reads a share-link fragment (with or without `#`); anything tampered is refused, never thrown. */
export function decodeFragment(fragment: string, data: MatrixData): ParseResult {
  const text = fragment.replace(/^#/, '');
  if (text.length > MAX_RECORD_LENGTH) return { ok: false, problem: 'too-long' };
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(text);
  } catch {
    return { ok: false, problem: 'malformed' };
  }
  const version = params.get('v');
  if (version === null || !/^\d+$/.test(version)) return { ok: false, problem: 'malformed' };
  const keys = [...params.keys()];
  // A key given twice is ambiguous: refuse rather than pick one.
  if (new Set(keys).size !== keys.length) return { ok: false, problem: 'malformed' };
  // fromEntries keeps "__proto__" an ordinary key, so it is refused as an unknown competency.
  const answers = Object.fromEntries([...params].filter(([key]) => !['v', 'r', 'all'].includes(key)));
  const all = params.get('all');
  if (all !== null && all !== '1') return { ok: false, problem: 'malformed' };
  return parseRecord({ v: Number(version), role: params.get('r'), all: all === '1', answers }, data);
}

/** The levels asked of one competency: all five, or the role's requirement and one beyond. */
export function levelsInScope(data: MatrixData, record: SelfCheckRecord, competency: number): number {
  const role = data.roles.findIndex((entry) => entry.slug === record.role);
  if (record.all || role < 0) return LEVELS.length;
  const required = data.required[role]?.[competency] ?? null;
  return required === null ? 0 : Math.min(LEVELS.length, required + 1);
}

/** Indexes of the competencies asked about. */
export const competenciesInScope = (data: MatrixData, record: SelfCheckRecord): number[] =>
  data.competencies.flatMap((_, index) => (levelsInScope(data, record, index) > 0 ? [index] : []));

/** Answers of one competency split by level, in order. */
export function answersByLevel(data: MatrixData, record: SelfCheckRecord, competency: number): Answer[][] {
  const entry = data.competencies[competency]!;
  const text = record.answers[entry.slug] ?? '';
  let offset = 0;
  return entry.levels.map((level) => {
    const slice = text.slice(offset, offset + level.indicators.length).padEnd(level.indicators.length, '_');
    offset += level.indicators.length;
    return [...slice] as Answer[];
  });
}

/** The level attained in a competency, and whether unanswered indicators could still change it. */
export interface Attainment {
  /** Highest L with every indicator of levels 1..L answered "y"; 0 when level 1 is not complete. */
  level: number;
  /** False when the next level has unanswered indicators and no "not yet": the level may be higher. */
  complete: boolean;
}

/** Scores one competency under this site's cumulative reading: a level counts only on top of all below it. */
export function attainment(byLevel: Answer[][]): Attainment {
  let level = 0;
  for (const answers of byLevel) {
    if (answers.every((answer) => answer === 'y')) {
      level++;
      continue;
    }
    return { level, complete: answers.includes('n') };
  }
  return { level, complete: true };
}

/** Whether the answers meet a required level: every indicator of levels 1..required is "y". */
export function meets(byLevel: Answer[][], required: number): 'yes' | 'no' | 'unknown' {
  const levels = byLevel.map((indicators, index) => ({ level: index + 1, indicators }));
  const needed = climb(levels, 0, required).all;
  if (needed.includes('n')) return 'no';
  return needed.every((answer) => answer === 'y') ? 'yes' : 'unknown';
}

/**
 * The indicators not yet answered "y" that reaching `required` asks: those of the required level
 * itself (what the draft's role section lists) apart from those of the levels below it (asked
 * only under this site's cumulative reading).
 */
export function stillToReach(
  data: MatrixData,
  byLevel: Answer[][],
  competency: number,
  required: number,
): Climb<MatrixIndicator> {
  return climb(
    data.competencies[competency]!.levels,
    0,
    required,
    (_, level, position) => byLevel[level - 1]?.[position] !== 'y',
  );
}

/** One competency of the result. */
export interface CompetencyResult {
  competency: number;
  attained: Attainment;
  /** The target role's level, or null without a role or where the role does not require it. */
  required: number | null;
  meets: 'yes' | 'no' | 'unknown' | null;
  /** Levels still to climb to the requirement (0 when met); null without a requirement. */
  gap: number | null;
  /** What is left to reach the requirement; empty lists without a requirement. */
  toReach: Climb<MatrixIndicator>;
}

/** How far the answers are from one role's standard. */
export interface RoleFit {
  role: number;
  status: 'met' | 'not-met' | 'unknown';
  /** Competencies whose required level is met, of those the role requires. */
  competenciesMet: number;
  competenciesRequired: number;
  /** Indicators of the required levels not yet answered "y" (levels below included). */
  indicatorsLeft: number;
  /** Of those, the indicators of the required levels themselves, as the draft's role section lists them. */
  indicatorsLeftOwn: number;
}

/** Scores every competency against the target role. */
export function results(data: MatrixData, record: SelfCheckRecord): CompetencyResult[] {
  const role = data.roles.findIndex((entry) => entry.slug === record.role);
  return data.competencies.map((_, competency) => {
    const byLevel = answersByLevel(data, record, competency);
    const attained = attainment(byLevel);
    const required = role >= 0 ? (data.required[role]?.[competency] ?? null) : null;
    return {
      competency,
      attained,
      required,
      meets: required === null ? null : meets(byLevel, required),
      gap: required === null ? null : Math.max(0, required - attained.level),
      toReach: stillToReach(data, byLevel, competency, required ?? 0),
    };
  });
}

/** How the answers measure against every role's standard. */
export function roleFit(data: MatrixData, record: SelfCheckRecord): RoleFit[] {
  return data.roles.map((_, role) => {
    let met = 0;
    let required = 0;
    let left = 0;
    let leftOwn = 0;
    let unknown = false;
    let failed = false;
    data.competencies.forEach((_, competency) => {
      const level = data.required[role]?.[competency] ?? null;
      if (level === null) return;
      required++;
      const byLevel = answersByLevel(data, record, competency);
      const status = meets(byLevel, level);
      if (status === 'yes') met++;
      else if (status === 'no') failed = true;
      else unknown = true;
      const toReach = stillToReach(data, byLevel, competency, level);
      left += toReach.all.length;
      leftOwn += toReach.own.length;
    });
    return {
      role,
      status: failed ? 'not-met' : unknown ? 'unknown' : 'met',
      competenciesMet: met,
      competenciesRequired: required,
      indicatorsLeft: left,
      indicatorsLeftOwn: leftOwn,
    };
  });
}

/** Sets one answer and returns a new record (records are never mutated). */
export function answer(record: SelfCheckRecord, slug: string, index: number, value: Answer): SelfCheckRecord {
  const text = record.answers[slug] ?? '';
  return { ...record, answers: { ...record.answers, [slug]: text.slice(0, index) + value + text.slice(index + 1) } };
}

/** Answered and total indicators in the current scope. */
export function progress(data: MatrixData, record: SelfCheckRecord): { answered: number; total: number } {
  let answered = 0;
  let total = 0;
  for (const competency of competenciesInScope(data, record)) {
    answersByLevel(data, record, competency)
      .slice(0, levelsInScope(data, record, competency))
      .flat()
      .forEach((value) => {
        total++;
        if (value !== '_') answered++;
      });
  }
  return { answered, total };
}
