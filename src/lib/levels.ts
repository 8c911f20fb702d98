/**
 * What holding one level of a competency asks beyond holding a lower one, the single place this
 * arithmetic lives (model, matrix comparison and self-check all call it).
 *
 * It keeps apart what the draft says from what this site reads into it: the draft's role sections
 * list only the indicators of the required level itself; that the indicators of the levels below
 * are asked too is this site's cumulative reading, which the draft does not state. Pure and free
 * of imports, so the islands use it in the browser as the build does.
 */

/** The draft's five levels, in order: the one place their count is written. */
export const LEVELS = [1, 2, 3, 4, 5] as const;

/** A level with its indicators, in any of the site's shapes (the model's or the matrix data's). */
export interface LevelLike<I> {
  level: number;
  indicators: readonly I[];
}

/** The indicators between holding level `from` and holding level `to`, split by where the ask comes from. */
export interface Climb<I> {
  /** The level held to begin with (0: none). */
  from: number;
  /** The level climbed to, or 0 when `to` is not above `from` (nothing to add). */
  level: number;
  /** Indicators of level `to` itself: what the draft's role section lists for that level. */
  own: I[];
  /** Indicators of the levels above `from` and below `to`: asked only under this site's cumulative reading. */
  below: I[];
  /** `below`, then `own`: every indicator in level order. */
  all: I[];
  /** The same indicators level by level, from `from + 1` to `to` (a level can be left empty by `keep`). */
  byLevel: { level: number; indicators: I[] }[];
}

/**
 * The indicators that holding level `to` asks beyond holding level `from` (0: nothing held).
 * `keep` drops indicators already met, e.g. those answered "Ya" in the self-check.
 */
export function climb<I>(
  levels: readonly LevelLike<I>[],
  from: number,
  to: number,
  keep: (indicator: I, level: number, position: number) => boolean = () => true,
): Climb<I> {
  if (to <= from) return { from, level: 0, own: [], below: [], all: [], byLevel: [] };
  const byLevel = levels
    .filter((entry) => entry.level > from && entry.level <= to)
    .map((entry) => ({
      level: entry.level,
      indicators: entry.indicators.filter((indicator, position) => keep(indicator, entry.level, position)),
    }));
  const own = byLevel.filter((entry) => entry.level === to).flatMap((entry) => entry.indicators);
  const below = byLevel.filter((entry) => entry.level < to).flatMap((entry) => entry.indicators);
  return { from, level: to, own, below, all: [...below, ...own], byLevel };
}

/** The levels `below` covers, as a reader writes them: "2" or "1–2" (empty when there are none). */
export function levelsBelow(span: Pick<Climb<unknown>, 'from' | 'level'>): string {
  const first = span.from + 1;
  const last = span.level - 1;
  if (last < first) return '';
  return first === last ? String(first) : `${first}–${last}`;
}
