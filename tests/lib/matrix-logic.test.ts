// The matrix's filters, role comparison, open cell and URL state on the fixture dictionary, with every
// expected answer worked out by hand from its files: lead (P3K with JF Prakom; PNS with JF Prakom or PPBJ)
// requires alpha 3 and beta 2; support (PNS with JF Prakom) requires alpha 1 and not beta. Alpha's levels
// hold 2, 2, 1, 2, 1 indicators; beta's 1, 1, 2, 1, 1. matrix.test.ts checks the real matrix against the draft.
import { describe, expect, test } from 'vitest';
import { toMatrixData } from '../../src/lib/matrix-data.ts';
import * as matrix from '../../src/lib/matrix.ts';
import { loadFixtureDictionary } from '../support/fixture.ts';

const { compareRoles, decodeState, displayPoint, encodeState, initialState, visibleRoles } = matrix;
const data = toMatrixData(await loadFixtureDictionary(), 'id', undefined);
const [LEAD, SUPPORT] = [0, 1];
const [ALPHA, BETA] = [0, 1];

test('the fixture as the matrix sees it', () => {
  expect(data.roles.map((role) => role.slug)).toEqual(['lead', 'support']);
  expect(data.competencies.map((competency) => competency.slug)).toEqual(['alpha', 'beta']);
  expect(data.required).toEqual([
    [3, 2],
    [1, null],
  ]);
  expect(data.statuses.map((option) => option.key).sort()).toEqual(['p3k', 'pns']);
  expect(data.positions.map((option) => option.key).sort()).toEqual(['jf-prakom', 'ppbj']);
});

describe('filters', () => {
  test.each([
    [null, null, [LEAD, SUPPORT]],
    ['p3k', null, [LEAD]],
    ['pns', null, [LEAD, SUPPORT]],
    [null, 'ppbj', [LEAD]],
    [null, 'jf-prakom', [LEAD, SUPPORT]],
    ['p3k', 'ppbj', []],
    ['pns', 'ppbj', [LEAD]],
    ['p3k', 'jf-prakom', [LEAD]],
    ['pns', 'jf-prakom', [LEAD, SUPPORT]],
  ])('status %s, position %s leaves roles %j', (status, position, expected) => {
    expect(visibleRoles(data, { status, position })).toEqual(expected);
  });
});

describe('compareRoles', () => {
  const nos = (indicators: { no: string }[]) => indicators.map((indicator) => indicator.no);

  test('support -> lead: the levels in between, the required level’s own apart from those below it', () => {
    const [alpha, beta] = compareRoles(data, SUPPORT, LEAD);
    expect([alpha!.from, alpha!.to, alpha!.difference]).toEqual([1, 3, 2]);
    expect(nos(alpha!.toAdd.all)).toEqual(['2.1', '2.2', '3.1']);
    expect(nos(alpha!.toAdd.own)).toEqual(['3.1']);
    expect(nos(alpha!.toAdd.below)).toEqual(['2.1', '2.2']);
    // From "not required" ("-") to level 2: all of levels 1 and 2.
    expect([beta!.from, beta!.to, beta!.difference]).toEqual([null, 2, 2]);
    expect(nos(beta!.toAdd.all)).toEqual(['1.1', '2.1']);
    expect(nos(beta!.toAdd.own)).toEqual(['2.1']);
  });

  test('lead -> support: the second role asks no more, so nothing is added', () => {
    for (const gap of compareRoles(data, LEAD, SUPPORT)) {
      expect(gap.difference).toBe(0);
      expect(gap.toAdd.all).toEqual([]);
    }
  });
});

describe('open cell and URL state', () => {
  test('displayPoint places a cell as displayed, transposed or not, and hides a filtered role', () => {
    const cell = { role: SUPPORT, competency: ALPHA };
    expect(displayPoint(data, initialState, cell)).toEqual({ row: 0, col: 1 });
    expect(displayPoint(data, { ...initialState, transposed: true }, cell)).toEqual({ row: 1, col: 0 });
    expect(displayPoint(data, { ...initialState, status: 'p3k' }, cell)).toBeNull();
    expect(displayPoint(data, { ...initialState, status: 'p3k' }, { role: LEAD, competency: BETA })).toEqual({
      row: 1,
      col: 0,
    });
  });

  test('a shared link reads as its view and writes back the same parameters', () => {
    const shared = '?sel=support.beta&compare=lead..support&status=pns&t=1';
    const state = {
      selected: { role: SUPPORT, competency: BETA },
      status: 'pns',
      position: null,
      compare: { from: LEAD, to: SUPPORT },
      transposed: true,
    };
    expect(decodeState(data, shared)).toEqual(state);
    expect(Object.fromEntries(new URLSearchParams(encodeState(data, state)))).toEqual(
      Object.fromEntries(new URLSearchParams(shared)),
    );
  });

  test('a link that opens a cell of a role its own filters hide opens no cell', () => {
    expect(decodeState(data, '?sel=support.alpha&status=p3k')).toEqual({ ...initialState, status: 'p3k' });
    expect(decodeState(data, '?sel=support.gamma&pos=ppbj')).toEqual({ ...initialState, position: 'ppbj' });
  });
});
