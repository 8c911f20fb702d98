// The unit roll-up island in happy-dom with the real data and Indonesian labels: importing files of every kept format and share links at once, refusals beside their controls, labels and roles, duplicates, figures against the pure functions, opt-in storage and delete.
import { cleanup, fireEvent, render, waitFor, within } from '@testing-library/preact';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import UnitRollup from '../../src/components/UnitRollup.tsx';
import idStrings from '../../src/content/i18n/id.json';
import { labelsFor } from '../../src/lib/labels.ts';
import { checkContent } from '../../src/lib/load-files.ts';
import type { MatrixData } from '../../src/lib/matrix.ts';
import { toMatrixData } from '../../src/lib/matrix-data.ts';
import { rollup, type StaffInput } from '../../src/lib/rollup.ts';
import { ROLLUP_STORAGE_KEY } from '../../src/lib/rollup-store.ts';
import { parseImport } from '../../src/lib/self-check-export.ts';
import { emptyRecord, encodeFragment, indicatorCounts } from '../../src/lib/self-check.ts';
import { normalize, projectRoot } from '../support/seed.ts';

const { dictionary } = await checkContent(projectRoot);
if (!dictionary) throw new Error('The real content does not validate (see `npm run check`).');
const data: MatrixData = toMatrixData(dictionary, 'id', undefined);

const labels = labelsFor('rollup', idStrings);
const checkLabels = labelsFor('check', idStrings);
const say = <L extends Record<string, string>>(
  table: L,
  key: keyof L & string,
  values: Record<string, string | number> = {},
) => {
  const template = table[key];
  if (template === undefined) throw new Error(`no label ${key}`);
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));
};
const text = (element: Element | null | undefined) => normalize(element?.textContent ?? '');

const fixtures = path.join(projectRoot, 'tests/fixtures/self-check');
const fixture = (name: string) => readFileSync(path.join(fixtures, name), 'utf8');
const FILES = ['v1-helpdesk.json', 'v1-no-role-partial.json', 'v2-helpdesk.json'];
/** A share link of a record with the first indicator of each competency answered "Ya". */
const linkRecord = (() => {
  const record = emptyRecord(data, data.roles[0]!.slug);
  data.competencies.forEach((competency, index) => {
    record.answers[competency.slug] = `y${'_'.repeat(indicatorCounts(data)[index]! - 1)}`;
  });
  return record;
})();

function mount() {
  const view = render(<UnitRollup data={data} labels={labels} checkLabels={checkLabels} />);
  const root = view.container as HTMLElement;
  const q = within(root);
  const fileInput = () => root.querySelector<HTMLInputElement>('input[type=file]')!;
  return {
    root,
    q,
    async files(files: { name: string; content: string }[]) {
      const input = fileInput();
      Object.defineProperty(input, 'files', {
        configurable: true,
        value: files.map(({ name, content }) => new File([content], name, { type: 'application/json' })),
      });
      fireEvent.change(input);
    },
    links(value: string) {
      fireEvent.input(q.getByLabelText(labels.pasteLinks!), { target: { value } });
      fireEvent.click(q.getByRole('button', { name: labels.addLinks! }));
    },
    staffTable: () => root.querySelector('.unit-rollup-table')!,
  };
}

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('import', () => {
  test('several files of every kept format and a link import at once; a bad file is refused by name', async () => {
    const view = mount();
    await waitFor(() => expect(view.root.querySelector('[data-hydrated]')).not.toBeNull());
    await view.files([
      ...FILES.map((name) => ({ name, content: fixture(name) })),
      { name: 'rusak.json', content: fixture('v2-helpdesk.json').slice(0, 200) },
      { name: 'asing.json', content: '{"format":"lain","version":2}' },
    ]);
    await waitFor(() => expect(view.q.getByText(say(labels, 'added', { count: FILES.length }))).toBeTruthy());
    const refused = [...view.root.querySelectorAll('.unit-rollup-refused li')].map(text);
    expect(refused).toEqual([
      normalize(`rusak.json: ${checkLabels['problem.malformed']}`),
      normalize(`asing.json: ${checkLabels['problem.malformed']}`),
    ]);
    view.links(`https://contoh.test/cek-mandiri/#${encodeFragment(linkRecord)}\n\nbukan tautan`);
    await waitFor(() => expect(view.root.querySelectorAll('.unit-rollup-entries li')).toHaveLength(FILES.length + 1));
    expect(view.root.querySelectorAll('.unit-rollup-report')[1]!.textContent).toContain(
      say(labels, 'linkLine', { line: 3 }),
    );

    // Labels: the file names, then "Staf n" for the link; roles from each record.
    const names = [...view.root.querySelectorAll<HTMLInputElement>('.unit-rollup-entries input[type=text]')].map(
      (input) => input.value,
    );
    expect(names).toEqual([...FILES, say(labels, 'staffN', { n: FILES.length + 1 })]);
    const roles = [...view.root.querySelectorAll<HTMLSelectElement>('.unit-rollup-entries select')].map((s) => s.value);
    const expectedRoles = FILES.map((name) => {
      const parsed = parseImport(fixture(name), data);
      if (!parsed.ok) throw new Error(name);
      return parsed.record.role ?? '';
    });
    expect(roles).toEqual([...expectedRoles, linkRecord.role]);
    // The record without a role asks for one.
    expect(view.q.getAllByText(labels.needsRole!).length).toBeGreaterThan(0);
  });

  test('the figures are those of the pure functions; a role chosen by the head changes them', async () => {
    const view = mount();
    await waitFor(() => expect(view.root.querySelector('[data-hydrated]')).not.toBeNull());
    await view.files(FILES.map((name) => ({ name, content: fixture(name) })));
    await waitFor(() => expect(view.staffTable()).not.toBeNull());
    const select = view.root.querySelectorAll<HTMLSelectElement>('.unit-rollup-entries select')[1]!;
    fireEvent.change(select, { target: { value: data.roles[1]!.slug } });

    const staff: StaffInput[] = FILES.map((name, index) => {
      const parsed = parseImport(fixture(name), data);
      if (!parsed.ok) throw new Error(name);
      return { label: name, role: index === 1 ? data.roles[1]!.slug : parsed.record.role, record: parsed.record };
    });
    const expected = rollup(data, staff);
    await waitFor(() =>
      expect(text(view.staffTable().querySelectorAll('tbody tr')[1]!.querySelector('td'))).toBe(data.roles[1]!.name),
    );
    const rows = [...view.staffTable().querySelectorAll('tbody tr')];
    expected.rows.forEach((row, r) => {
      const cells = [...rows[r]!.querySelectorAll('td')].slice(1, 1 + data.competencies.length);
      row.cells.forEach((cell, c) => {
        const shown = text(cells[c]);
        expect(shown).toContain(
          cell.required === null
            ? say(labels, 'attainedOnly', { attained: cell.attained.level })
            : say(labels, 'attainedOf', { attained: cell.attained.level, required: cell.required }),
        );
        if (cell.gap !== null && cell.gap > 0) expect(shown).toContain(`(−${cell.gap})`);
        expect(shown.includes(checkLabels.incomplete!)).toBe(!cell.attained.complete);
      });
    });
    const totals = [...view.root.querySelectorAll('.unit-rollup-totals tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => Number(td.textContent)),
    );
    expect(totals).toEqual(expected.totals.map((t) => [t.staff, t.meets, t.oneShort, t.further, t.incomplete]));
    const listed = [...view.root.querySelectorAll('.unit-rollup-priorities li')].map((li) =>
      li.querySelector('a')!.getAttribute('href'),
    );
    expect(listed.sort()).toEqual(expected.priorities.map((p) => p.indicator.href).sort());
    // Each person's plan is the self-check's own view, for the role the head gave.
    const plans = view.root.querySelectorAll('.unit-rollup-plan');
    expect(plans).toHaveLength(FILES.length);
    // Drawn when opened.
    expect(plans[1]!.querySelector('h4')).toBeNull();
    (plans[1] as HTMLDetailsElement).open = true;
    fireEvent(plans[1]!, new Event('toggle'));
    await waitFor(() => expect(plans[1]!.querySelector('h4')).not.toBeNull());
    expect(text(plans[1]!.querySelector('h4'))).toBe(
      normalize(say(checkLabels, 'fitPlanTitle', { role: data.roles[1]!.name })),
    );
    // The staff table scrolls only inside its labelled, focusable region.
    const region = view.q.getByRole('region', { name: labels.tableTitle! });
    expect(region.getAttribute('tabindex')).toBe('0');
    expect(region.contains(view.staffTable())).toBe(true);
  });

  test('exact duplicates are named; editing a label keeps it', async () => {
    const view = mount();
    await waitFor(() => expect(view.root.querySelector('[data-hydrated]')).not.toBeNull());
    await view.files([
      { name: 'a.json', content: fixture('v2-helpdesk.json') },
      { name: 'a.json', content: fixture('v2-helpdesk.json') },
    ]);
    await waitFor(() => expect(view.root.querySelector('.unit-rollup-staff [role=status] li')).not.toBeNull());
    expect(text(view.root.querySelector('.unit-rollup-staff [role=status] li'))).toBe('a.json, a.json (2)');
    const input = view.root.querySelectorAll<HTMLInputElement>('.unit-rollup-entries input[type=text]')[1]!;
    fireEvent.change(input, { target: { value: 'Staf B' } });
    await waitFor(() =>
      expect(text(view.root.querySelector('.unit-rollup-staff [role=status] li'))).toBe('a.json, Staf B'),
    );
  });
});

describe('storage', () => {
  test('nothing is stored until the head opts in; then every change is kept, and delete clears it', async () => {
    const view = mount();
    await waitFor(() => expect(view.root.querySelector('[data-hydrated]')).not.toBeNull());
    await view.files([{ name: 'a.json', content: fixture('v2-helpdesk.json') }]);
    await waitFor(() => expect(view.staffTable()).not.toBeNull());
    expect(localStorage.getItem(ROLLUP_STORAGE_KEY)).toBeNull();
    fireEvent.click(view.q.getByLabelText(labels.keep!));
    expect(JSON.parse(localStorage.getItem(ROLLUP_STORAGE_KEY)!).staff).toHaveLength(1);
    await view.files([{ name: 'b.json', content: fixture('v1-helpdesk.json') }]);
    await waitFor(() => expect(JSON.parse(localStorage.getItem(ROLLUP_STORAGE_KEY)!).staff).toHaveLength(2));

    cleanup();
    const again = mount();
    await waitFor(() => expect(again.root.querySelectorAll('.unit-rollup-entries li')).toHaveLength(2));
    const confirm = vi.fn(() => true);
    vi.stubGlobal('confirm', confirm);
    fireEvent.click(again.q.getByRole('button', { name: labels.delete! }));
    expect(confirm).toHaveBeenCalledWith(labels.deleteConfirm);
    expect(localStorage.getItem(ROLLUP_STORAGE_KEY)).toBeNull();
    expect(again.root.querySelectorAll('.unit-rollup-entries li')).toHaveLength(0);
  });

  test('a corrupt kept roll-up is reported and left in place while new files import', async () => {
    localStorage.setItem(ROLLUP_STORAGE_KEY, '{"v":1,"staff":[{"label":');
    const view = mount();
    await waitFor(() => expect(view.q.getByText(labels.storeCorrupt!)).toBeTruthy());
    await view.files([{ name: 'a.json', content: fixture('v2-helpdesk.json') }]);
    await waitFor(() => expect(view.staffTable()).not.toBeNull());
    expect(localStorage.getItem(ROLLUP_STORAGE_KEY)).toBe('{"v":1,"staff":[{"label":');
  });
});
