// Self-check scoring and record parsing on the fixture dictionary (alpha: levels of 2, 2, 1, 2 and 1
// indicators; beta: 1, 1, 2, 1, 1; lead requires alpha 3 and beta 2, support alpha 1 and not beta), with
// answers and expected results worked out by hand, and fast-check properties for links and files.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { MatrixData } from '../../src/lib/matrix.ts';
import { toMatrixData } from '../../src/lib/matrix-data.ts';
import {
  MAX_RECORD_LENGTH,
  RECORD_VERSION,
  answer,
  answersByLevel,
  attainment,
  competenciesInScope,
  decodeFragment,
  emptyRecord,
  encodeFragment,
  indicatorCounts,
  levelsInScope,
  meets,
  parseRecord,
  parseRecordJson,
  progress,
  results,
  roleFit,
  stillToReach,
  type Answer,
  type RecordProblem,
  type SelfCheckRecord,
} from '../../src/lib/self-check.ts';
import { selfCheckRecordArb } from '../support/arbitraries.ts';
import { loadFixtureDictionary } from '../support/fixture.ts';

const dictionary = await loadFixtureDictionary();
const data: MatrixData = toMatrixData(dictionary, 'id', undefined);

const PROBLEMS: RecordProblem[] = ['malformed', 'too-long', 'version', 'unknown-role', 'unknown-competency', 'answers'];
const roleSlugs = data.roles.map((role) => role.slug);
const competencySlugs = data.competencies.map((competency) => competency.slug);
const roleIndex = (slug: string) => roleSlugs.indexOf(slug);
const competencyIndex = (slug: string) => competencySlugs.indexOf(slug);

/** An expected role fit: indicators left in all, and of those the required levels' own. */
const fitOf = (role: number, status: string, met: number, required: number, left: number, leftOwn: number) => ({
  role,
  status,
  competenciesMet: met,
  competenciesRequired: required,
  indicatorsLeft: left,
  indicatorsLeftOwn: leftOwn,
});

/**
 * A record from readable answers: per competency slug, one group of y/n/_ per level separated by
 * `|` ("yyy|yyyy|n___"); levels left out stay unanswered. Group sizes must match the dictionary.
 */
function record(role: string | null, levels: Record<string, string> = {}, all = false): SelfCheckRecord {
  const base = emptyRecord(data, role, all);
  for (const [slug, text] of Object.entries(levels)) {
    const competency = data.competencies[competencyIndex(slug)];
    if (!competency) throw new Error(`no competency ${slug}`);
    const groups = text.split('|');
    const answers = competency.levels.map((level, index) => {
      const group = groups[index] ?? '_'.repeat(level.indicators.length);
      if (group.length !== level.indicators.length) {
        throw new Error(`${slug} level ${level.level} has ${level.indicators.length} indicators, not "${group}"`);
      }
      return group;
    });
    base.answers[slug] = answers.join('');
  }
  return base;
}
/** Every indicator of every competency answered the same way. */
const uniform = (role: string | null, value: Answer, all = false): SelfCheckRecord => ({
  ...emptyRecord(data, role, all),
  answers: Object.fromEntries(data.competencies.map((c, i) => [c.slug, value.repeat(indicatorCounts(data)[i]!)])),
});
const levelsOf = (...groups: string[]): Answer[][] => groups.map((group) => [...group] as Answer[]);

describe('the data the self-check is built on', () => {
  test('indicator counts and numbers of the fixture', () => {
    expect(indicatorCounts(data)).toEqual([8, 6]);
    expect(data.competencies[0]!.levels.map((level) => level.indicators.map((indicator) => indicator.no))).toEqual([
      ['1.1', '1.2'],
      ['2.1', '2.2'],
      ['3.1'],
      ['4.1', '4.2'],
      ['5.1'],
    ]);
    expect(data.required).toEqual([
      [3, 2],
      [1, null],
    ]);
  });

  test('an empty record has one "_" per indicator and nothing else', () => {
    expect(emptyRecord(data)).toEqual({
      v: RECORD_VERSION,
      role: null,
      all: false,
      answers: { alpha: '________', beta: '______' },
    });
  });
});

describe('attainment', () => {
  test('every indicator "y" attains level 5, complete', () => {
    expect(attainment(levelsOf('yyy', 'yyyy', 'yyyy', 'yyy', 'yyy'))).toEqual({ level: 5, complete: true });
  });

  test('an incomplete level 1 attains 0', () => {
    expect(attainment(levelsOf('y_y', 'yyyy', 'yyyy', 'yyy', 'yyy'))).toEqual({ level: 0, complete: false });
    expect(attainment(levelsOf('___', '____', '____', '___', '___'))).toEqual({ level: 0, complete: false });
    expect(attainment(levelsOf('yyn', 'yyyy', 'yyyy', 'yyy', 'yyy'))).toEqual({ level: 0, complete: true });
  });

  test('a "n" at the deciding level makes the result complete, whatever is left unanswered', () => {
    expect(attainment(levelsOf('yyy', 'yyyy', 'n___', '___', '___'))).toEqual({ level: 2, complete: true });
    expect(attainment(levelsOf('yyy', 'yy_n', '____', '___', '___'))).toEqual({ level: 1, complete: true });
  });

  test('a "_" at the deciding level makes the result incomplete', () => {
    expect(attainment(levelsOf('yyy', 'yyyy', 'yy_y', 'yyy', 'yyy'))).toEqual({ level: 2, complete: false });
    expect(attainment(levelsOf('yyy', 'yyyy', 'yyyy', 'yyy', '___'))).toEqual({ level: 4, complete: false });
  });

  test('levels are cumulative: "y" above a missing level counts for nothing', () => {
    expect(attainment(levelsOf('yyy', 'nyyy', 'yyyy', 'yyy', 'yyy'))).toEqual({ level: 1, complete: true });
  });

  test('agrees with a direct reading of the rule on every answer set (property)', () => {
    const sizes = data.competencies[0]!.levels.map((level) => level.indicators.length);
    const answersArb = fc.tuple(
      ...sizes.map((size) => fc.array(fc.constantFrom<Answer>('y', 'n', '_'), { minLength: size, maxLength: size })),
    );
    fc.assert(
      fc.property(answersArb, (byLevel) => {
        const all = (level: number) => byLevel.slice(0, level).every((answers) => answers.every((a) => a === 'y'));
        const level = [5, 4, 3, 2, 1, 0].find(all)!;
        const next = byLevel[level];
        const result = attainment(byLevel);
        expect(result.level).toBe(level);
        expect(result.complete).toBe(next === undefined || next.includes('n'));
      }),
    );
  });
});

describe('meets and stillToReach', () => {
  const alpha = competencyIndex('alpha');

  test('meets is yes, no or unknown', () => {
    expect(meets(levelsOf('yyy', 'yyyy', 'n___'), 2)).toBe('yes');
    expect(meets(levelsOf('yyy', 'yy_y', '____'), 2)).toBe('unknown');
    expect(meets(levelsOf('yyy', 'yy_n', '____'), 2)).toBe('no');
    expect(meets(levelsOf('n__', '____', '____'), 3)).toBe('no');
    expect(meets(levelsOf('___', '____', '____'), 1)).toBe('unknown');
    // Only levels 1..required count.
    expect(meets(levelsOf('yyy', 'nnnn', 'nnnn'), 1)).toBe('yes');
  });

  test('stillToReach lists exactly the indicators of the required levels not answered "y"', () => {
    const byLevel = answersByLevel(data, record(null, { alpha: 'yn|y_|n' }), alpha);
    const left = stillToReach(data, byLevel, alpha, 2);
    expect(left.all.map((indicator) => indicator.no)).toEqual(['1.2', '2.2']);
    // Level 2's own (as the draft's role table lists it) apart from level 1's (the cumulative reading).
    expect(left.own.map((indicator) => indicator.no)).toEqual(['2.2']);
    expect(left.below.map((indicator) => indicator.no)).toEqual(['1.2']);
    expect(left.all.map((indicator) => indicator.href)).toEqual([
      '/kompetensi/alpha/#indikator-1-2',
      '/kompetensi/alpha/#indikator-2-2',
    ]);
    const none = answersByLevel(data, record(null, { alpha: 'yy|yy' }), alpha);
    expect(stillToReach(data, none, alpha, 2).all).toEqual([]);
    const empty = answersByLevel(data, emptyRecord(data), alpha);
    expect(stillToReach(data, empty, alpha, 3).all.map((indicator) => indicator.no)).toEqual([
      '1.1',
      '1.2',
      '2.1',
      '2.2',
      '3.1',
    ]);
  });
});

describe('scope: which competencies and levels are asked', () => {
  const [alpha, beta] = [competencyIndex('alpha'), competencyIndex('beta')];

  test('a role asks its competencies up to one level beyond its requirement', () => {
    const lead = emptyRecord(data, 'lead');
    const support = emptyRecord(data, 'support');
    expect([levelsInScope(data, lead, alpha), levelsInScope(data, lead, beta)]).toEqual([4, 3]);
    expect(competenciesInScope(data, lead)).toEqual([alpha, beta]);
    // Support does not require beta (the draft's "-"), so it is not asked about it.
    expect([levelsInScope(data, support, alpha), levelsInScope(data, support, beta)]).toEqual([2, 0]);
    expect(competenciesInScope(data, support)).toEqual([alpha]);
  });

  test('a requirement of 5 asks level 5 and no further', () => {
    const five = { ...data, required: [[5, 5], data.required[1]!] };
    const chosen = emptyRecord(five, 'lead');
    expect([levelsInScope(five, chosen, alpha), levelsInScope(five, chosen, beta)]).toEqual([5, 5]);
  });

  test('asking all, or having no role, asks every level of every competency', () => {
    for (const chosen of [emptyRecord(data), emptyRecord(data, null, true), emptyRecord(data, 'support', true)]) {
      expect(competenciesInScope(data, chosen)).toEqual([alpha, beta]);
      data.competencies.forEach((_, c) => expect(levelsInScope(data, chosen, c)).toBe(5));
    }
  });

  test('progress counts answered and total indicators of the scope only', () => {
    // Lead: alpha levels 1-4 (2 + 2 + 1 + 2) and beta levels 1-3 (1 + 1 + 2); support: alpha levels 1-2.
    const totals = { lead: 11, support: 4 };
    for (const [role, total] of Object.entries(totals)) {
      expect(progress(data, emptyRecord(data, role)), role).toEqual({ answered: 0, total });
      // Answering everything "n" (even outside the scope) counts only the scope.
      expect(progress(data, uniform(role, 'n')), role).toEqual({ answered: total, total });
    }
    expect(progress(data, emptyRecord(data))).toEqual({ answered: 0, total: 14 });
    expect(progress(data, uniform(null, 'y', true))).toEqual({ answered: 14, total: 14 });
  });

  test('progress: lead with a few answers in and out of its scope', () => {
    // In scope: alpha "yy" and "n" of levels 1-2, beta "n" of level 2; alpha level 5 and beta level 4 are not asked.
    const chosen = record('lead', { alpha: 'yy|n_|_|__|y', beta: '_|n|__|y|_' });
    expect(progress(data, chosen)).toEqual({ answered: 4, total: 11 });
  });
});

describe('answer', () => {
  test('sets one answer and never mutates the record', () => {
    const before = emptyRecord(data, 'support');
    const frozen = structuredClone(before);
    const after = answer(before, 'beta', 4, 'n');
    expect(before).toEqual(frozen);
    expect(after.answers['beta']).toBe('____n_');
    expect(answer(after, 'beta', 4, '_')).toEqual(before);
    expect(parseRecord(after, data)).toEqual({ ok: true, record: after });
  });
});

describe('results and role fit', () => {
  const [alpha, beta] = [competencyIndex('alpha'), competencyIndex('beta')];
  const [lead, support] = [roleIndex('lead'), roleIndex('support')];

  // Alpha: levels 1-3 all "y", a "n" at level 4, so level 3, decided. Beta: level 2 unanswered, so level 1, open.
  const open = record('lead', { alpha: 'yy|yy|y|n_|_', beta: 'y|_|yy|_|_' });
  // Alpha: a "n" at level 1 and at level 3, so level 0, decided. Beta: levels 1-2 "y", level 3 unanswered.
  const failed = record('lead', { alpha: 'yn|yy|n|__|_', beta: 'y|y|__|_|_' });

  test('per competency: attained, required, whether met, gap and what is left', () => {
    const summary = (chosen: SelfCheckRecord) =>
      results(data, chosen).map(({ attained, required, meets: met, gap, toReach }) => ({
        attained,
        required,
        met,
        gap,
        toReach: toReach.all.map((indicator) => indicator.no),
      }));
    expect(summary(open)).toEqual([
      { attained: { level: 3, complete: true }, required: 3, met: 'yes', gap: 0, toReach: [] },
      { attained: { level: 1, complete: false }, required: 2, met: 'unknown', gap: 1, toReach: ['2.1'] },
    ]);
    expect(summary(failed)).toEqual([
      { attained: { level: 0, complete: true }, required: 3, met: 'no', gap: 3, toReach: ['1.2', '3.1'] },
      { attained: { level: 2, complete: false }, required: 2, met: 'yes', gap: 0, toReach: [] },
    ]);
    const left = results(data, open)[beta]!.toReach.all[0]!;
    expect(left.href).toBe('/kompetensi/beta/#indikator-2-1');
    expect(left.text).toBe(data.competencies[beta]!.levels[1]!.indicators[0]!.text);
  });

  test('role fit is measured against every role, whatever the target', () => {
    expect(roleFit(data, open)).toEqual([
      // Beta 2.1 is unanswered: not failed, but not met either.
      fitOf(lead, 'unknown', 1, 2, 1, 1),
      fitOf(support, 'met', 1, 1, 0, 0),
    ]);
    expect(roleFit(data, failed)).toEqual([
      // Alpha 1.2 (below the required level) and 3.1 (its own).
      fitOf(lead, 'not-met', 1, 2, 2, 1),
      fitOf(support, 'not-met', 0, 1, 1, 1),
    ]);
    expect(roleFit(data, { ...open, role: null })).toEqual(roleFit(data, open));
    expect(roleFit(data, { ...open, role: 'support' })).toEqual(roleFit(data, open));
  });

  test('everything "y" meets every role; nothing answered leaves every required indicator', () => {
    expect(roleFit(data, uniform(null, 'y'))).toEqual([
      fitOf(lead, 'met', 2, 2, 0, 0),
      fitOf(support, 'met', 1, 1, 0, 0),
    ]);
    // Lead: alpha 1-3 (5, of which 3.1 its own) and beta 1-2 (2, of which 2.1); support: alpha 1.1 and 1.2.
    expect(roleFit(data, emptyRecord(data))).toEqual([
      fitOf(lead, 'unknown', 0, 2, 7, 2),
      fitOf(support, 'unknown', 0, 1, 2, 2),
    ]);
    for (const fit of roleFit(data, uniform(null, 'n'))) expect(fit.status).toBe('not-met');
  });

  test('without a role, or where the role requires nothing, there is no requirement, gap or plan', () => {
    for (const result of results(data, uniform(null, 'n'))) {
      expect(result).toMatchObject({ required: null, meets: null, gap: null, toReach: { all: [] } });
    }
    const notAsked = results(data, uniform('support', 'n'))[beta]!;
    expect(notAsked).toMatchObject({ required: null, meets: null, gap: null, toReach: { all: [] } });
    expect(results(data, uniform('lead', 'y')).map((result) => [result.attained, result.required, result.gap])).toEqual(
      [
        [{ level: 5, complete: true }, 3, 0],
        [{ level: 5, complete: true }, 2, 0],
      ],
    );
    expect(results(data, emptyRecord(data, 'support'))[alpha]).toMatchObject({
      attained: { level: 0, complete: false },
      meets: 'unknown',
      gap: 1,
    });
  });
});

const recordArb = selfCheckRecordArb(data);

/** A parse outcome that is either a record of this dictionary or one of the known problems. */
function expectWellFormed(result: ReturnType<typeof parseRecord>) {
  if (result.ok) {
    expect(Object.keys(result.record.answers).sort()).toEqual([...competencySlugs].sort());
    expect(parseRecord(JSON.parse(JSON.stringify(result.record)), data)).toEqual(result);
  } else {
    expect(PROBLEMS).toContain(result.problem);
  }
}

const refused = (problem: RecordProblem) => ({ ok: false, problem });
const valid = uniform('support', 'y');
/** A valid fragment with one parameter changed. */
const fragmentWith = (key: string, value: string) => {
  const params = new URLSearchParams(encodeFragment(valid));
  params.set(key, value);
  return params.toString();
};

describe('share links and files: valid records survive', () => {
  test('encodeFragment -> decodeFragment gives back the record (property)', () => {
    fc.assert(
      fc.property(recordArb, (chosen) => {
        const fragment = encodeFragment(chosen);
        expect(decodeFragment(fragment, data)).toEqual({ ok: true, record: chosen });
        expect(decodeFragment(`#${fragment}`, data)).toEqual({ ok: true, record: chosen });
        expect(fragment.length).toBeLessThan(MAX_RECORD_LENGTH / 10);
      }),
    );
  });

  test('JSON.stringify -> parseRecordJson gives back the record (property)', () => {
    fc.assert(
      fc.property(recordArb, (chosen) => {
        expect(parseRecordJson(JSON.stringify(chosen), data)).toEqual({ ok: true, record: chosen });
        expect(parseRecordJson(JSON.stringify(chosen, null, 2), data)).toEqual({ ok: true, record: chosen });
      }),
    );
  });

  test('a fragment carries only what is answered and no personal data', () => {
    expect(encodeFragment(emptyRecord(data))).toBe('v=1');
    const fragment = encodeFragment(record('support', { beta: 'y|y|yn' }));
    expect(fragment).toBe('v=1&r=support&beta=yyyn__');
    expect(encodeFragment({ ...emptyRecord(data), all: true })).toBe('v=1&all=1');
  });

  test('a record with some competencies missing is completed with unanswered ones', () => {
    expect(parseRecord({ v: 1, role: 'support', all: false, answers: {} }, data)).toEqual({
      ok: true,
      record: emptyRecord(data, 'support'),
    });
  });
});

describe('share links and files: anything tampered is refused, never thrown', () => {
  test('wrong or old versions', () => {
    expect(decodeFragment(fragmentWith('v', '0'), data)).toEqual(refused('version'));
    expect(decodeFragment(fragmentWith('v', '2'), data)).toEqual(refused('version'));
    expect(decodeFragment(fragmentWith('v', '1.0'), data)).toEqual(refused('malformed'));
    expect(decodeFragment(fragmentWith('v', '-1'), data)).toEqual(refused('malformed'));
    expect(decodeFragment(encodeFragment(valid).replace('v=1&', ''), data)).toEqual(refused('malformed'));
    expect(parseRecord({ ...valid, v: 0 }, data)).toEqual(refused('version'));
    expect(parseRecord({ ...valid, v: '1' }, data)).toEqual(refused('malformed'));
    fc.assert(
      fc.property(
        fc.integer().filter((v) => v !== RECORD_VERSION),
        (v) => {
          expect(parseRecord({ ...valid, v }, data)).toEqual(refused('version'));
          if (v >= 0) expect(decodeFragment(fragmentWith('v', String(v)), data)).toEqual(refused('version'));
        },
      ),
    );
  });

  test('unknown roles, including prototype keys and markup', () => {
    const names = ['', 'Verifikator', 'admin', '__proto__', 'constructor', 'toString', '<script>alert(1)</script>'];
    for (const role of names) {
      expect(decodeFragment(fragmentWith('r', role), data), role).toEqual(refused('unknown-role'));
      expect(parseRecord({ ...valid, role }, data), role).toEqual(refused('unknown-role'));
    }
    expect(parseRecord({ ...valid, role: 3 }, data)).toEqual(refused('unknown-role'));
    fc.assert(
      fc.property(
        fc.string().filter((role) => !roleSlugs.includes(role)),
        (role) => {
          expect(parseRecord({ ...valid, role }, data)).toEqual(refused('unknown-role'));
          expect(decodeFragment(fragmentWith('r', role), data)).toEqual(refused('unknown-role'));
        },
      ),
    );
  });

  test('unknown competencies, including prototype keys and markup', () => {
    // (__proto__ in a link has its own test below.)
    const keys = ['Layanan-LPSE', 'toString', 'constructor', 'hasOwnProperty', '<img src=x onerror=alert(1)>'];
    const text = '_'.repeat(17);
    for (const key of keys) {
      expect(decodeFragment(`${encodeFragment(valid)}&${encodeURIComponent(key)}=${text}`, data), key).toEqual(
        refused('unknown-competency'),
      );
    }
    for (const key of [...keys, '__proto__']) {
      const json = JSON.stringify(valid).replace('"answers":{', `"answers":{${JSON.stringify(key)}:"${text}",`);
      expect(parseRecordJson(json, data), key).toEqual(refused('unknown-competency'));
    }
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }).filter((key) => ![...competencySlugs, 'v', 'r', 'all'].includes(key)),
        (key) => {
          const json = JSON.stringify({ ...valid, answers: { ...valid.answers, [key]: 'y' } });
          expect(parseRecordJson(json, data)).toEqual(refused('unknown-competency'));
        },
      ),
    );
  });

  test('prototype keys pollute nothing', () => {
    const json = JSON.stringify(valid).replace('{', '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":1},');
    const parsed = parseRecordJson(json, data);
    expect(parsed).toEqual({ ok: true, record: valid });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(parsed.ok && parsed.record.answers)).toBe(Object.prototype);
  });

  test('answers of the wrong length or with other characters', () => {
    const slug = 'alpha';
    const good = valid.answers[slug]!;
    const bad = [
      good.slice(1),
      `${good}y`,
      '',
      good.replace(/^y/, 'Y'),
      good.replace(/^y/, 'x'),
      good.replace(/^y/, ' '),
    ];
    for (const text of bad) {
      expect(decodeFragment(fragmentWith(slug, text), data), text).toEqual(refused('answers'));
      expect(parseRecord({ ...valid, answers: { ...valid.answers, [slug]: text } }, data), text).toEqual(
        refused('answers'),
      );
    }
    for (const value of [17, null, ['y'], { 0: 'y' }, true]) {
      expect(parseRecord({ ...valid, answers: { [slug]: value } }, data)).toEqual(refused('answers'));
    }
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }).filter((text) => text.length !== good.length || !/^[yn_]*$/.test(text)),
        (text) => {
          expect(parseRecord({ ...valid, answers: { [slug]: text } }, data)).toEqual(refused('answers'));
          expect(decodeFragment(fragmentWith(slug, text), data)).toEqual(refused('answers'));
        },
      ),
    );
  });

  test('shapes that are not a record', () => {
    for (const value of [null, undefined, 1, 'v=1', [], [valid], true]) {
      expect(parseRecord(value, data)).toEqual(refused('malformed'));
    }
    expect(parseRecord({ ...valid, all: 'true' }, data)).toEqual(refused('malformed'));
    expect(parseRecord({ v: 1, role: null, answers: {} }, data)).toEqual(refused('malformed'));
    expect(parseRecord({ ...valid, answers: null }, data)).toEqual(refused('malformed'));
    expect(parseRecord({ ...valid, answers: ['yyy'] }, data)).toEqual(refused('malformed'));
    expect(parseRecord({ ...valid, answers: 'yyy' }, data)).toEqual(refused('malformed'));
    expect(decodeFragment(fragmentWith('all', '0'), data)).toEqual(refused('malformed'));
    expect(decodeFragment(fragmentWith('all', 'true'), data)).toEqual(refused('malformed'));
    for (const text of ['', '{', '{"v":1', 'undefined', 'NaN', '<script>alert(1)</script>', '\u0000']) {
      expect(parseRecordJson(text, data), text).toEqual(refused('malformed'));
    }
  });

  test('truncated links and files', () => {
    const fragment = encodeFragment(valid);
    const json = JSON.stringify(valid);
    for (let cut = 1; cut < json.length; cut++) expect(parseRecordJson(json.slice(0, cut), data).ok).toBe(false);
    // Cutting inside the last competency's answers leaves them too short.
    for (let cut = 1; cut <= indicatorCounts(data).at(-1)!; cut++)
      expect(decodeFragment(fragment.slice(0, -cut), data)).toEqual(refused('answers'));
  });

  test('oversized links and files are refused before being parsed', () => {
    const long = `${encodeFragment(valid)}&${'x'.repeat(MAX_RECORD_LENGTH)}`;
    expect(decodeFragment(long, data)).toEqual(refused('too-long'));
    expect(decodeFragment('#'.concat('v=1&', 'a'.repeat(30_000)), data)).toEqual(refused('too-long'));
    const padded = JSON.stringify(valid).replace('{', `{"pad":"${'x'.repeat(MAX_RECORD_LENGTH)}",`);
    expect(parseRecordJson(padded, data)).toEqual(refused('too-long'));
    expect(parseRecordJson(' '.repeat(MAX_RECORD_LENGTH + 1), data)).toEqual(refused('too-long'));
    // Whitespace keeps a file of a valid record under the limit readable.
    expect(parseRecordJson(JSON.stringify(valid, null, 8), data)).toEqual({ ok: true, record: valid });
  });

  test('the prototype key __proto__ in a link is refused like any unknown competency', () => {
    expect(decodeFragment(`${encodeFragment(valid)}&__proto__=yyy`, data)).toEqual(refused('unknown-competency'));
    expect(decodeFragment('v=1&__proto__=%3Cscript%3E', data)).toEqual(refused('unknown-competency'));
  });

  test('random fragments never throw and yield a record or a known problem (property)', () => {
    const piece = fc.oneof(
      fc.constantFrom('v', 'r', 'all', '1', '0', ...roleSlugs, ...competencySlugs, '__proto__', 'constructor'),
      fc.string({ unit: fc.constantFrom('y', 'n', '_', 'x') }),
      fc.string({ unit: 'binary' }),
      fc.constantFrom('<script>alert(1)</script>', '%', '%zz', '%00', '&', '=', '#', '+', '%E0%A4%A'),
    );
    const fragmentArb = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.array(fc.tuple(piece, piece), { maxLength: 8 }).map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&')),
    );
    fc.assert(
      fc.property(fragmentArb, (fragment) => {
        let result: ReturnType<typeof decodeFragment> | undefined;
        expect(() => (result = decodeFragment(fragment, data))).not.toThrow();
        expectWellFormed(result!);
      }),
      { numRuns: 500 },
    );
  }, 30_000);

  test('random JSON text and values never throw and are refused (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.json()), (text) => {
        let result: ReturnType<typeof parseRecordJson> | undefined;
        expect(() => (result = parseRecordJson(text, data))).not.toThrow();
        expect(result!.ok).toBe(false);
        expectWellFormed(result!);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(
        fc.anything({
          withNullPrototype: true,
          withBigInt: true,
          withBoxedValues: true,
          withDate: true,
          withMap: true,
          withSet: true,
          withObjectString: true,
          withSparseArray: true,
          withTypedArray: true,
          key: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'v', 'role', 'all', 'answers')),
        }),
        (value) => {
          let result: ReturnType<typeof parseRecord> | undefined;
          expect(() => (result = parseRecord(value, data))).not.toThrow();
          // Only a plain v: 1 object with a boolean `all` and known answers could ever pass.
          if (result!.ok) expect(value).toMatchObject({ v: RECORD_VERSION, all: result!.record.all });
          else expect(PROBLEMS).toContain(result!.problem);
        },
      ),
      { numRuns: 500 },
    );
  }, 30_000);

  test('a valid record with one field corrupted is refused (property)', () => {
    const corruption = fc.oneof(
      fc.record({ key: fc.constant('v'), value: fc.oneof(fc.integer(), fc.string(), fc.constant(null)) }),
      fc.record({ key: fc.constant('role'), value: fc.oneof(fc.string(), fc.integer(), fc.boolean()) }),
      fc.record({ key: fc.constant('all'), value: fc.oneof(fc.string(), fc.integer(), fc.constant(null)) }),
      fc.record({
        key: fc.constant('answers'),
        value: fc.oneof(fc.string(), fc.array(fc.string()), fc.constant(null)),
      }),
    );
    fc.assert(
      fc.property(recordArb, corruption, (chosen, { key, value }) => {
        fc.pre(!(key === 'v' && value === RECORD_VERSION));
        fc.pre(!(key === 'role' && (value === null || roleSlugs.includes(value as string))));
        const result = parseRecordJson(JSON.stringify({ ...chosen, [key]: value }), data);
        expect(result.ok).toBe(false);
        expectWellFormed(result);
      }),
    );
  });
});
