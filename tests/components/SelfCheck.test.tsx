// The self-check island in happy-dom with the real data and Indonesian labels: scope, radio groups, scoring, folding, storage, share links, import/export and delete.
import { cleanup, fireEvent, render, waitFor, within } from '@testing-library/preact';
import { render as renderPreact } from 'preact';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import SelfCheck, { type SelfCheckLabels } from '../../src/components/SelfCheck.tsx';
import idStrings from '../../src/content/i18n/id.json';
import { plainText } from '../../src/lib/inline.ts';
import { labelsFor } from '../../src/lib/labels.ts';
import { checkContent } from '../../src/lib/load-files.ts';
import type { MatrixData } from '../../src/lib/matrix.ts';
import { toMatrixData } from '../../src/lib/matrix-data.ts';
import { emptyRecord, encodeFragment, type RecordProblem, type SelfCheckRecord } from '../../src/lib/self-check.ts';
import { STORAGE_KEY } from '../../src/lib/self-check-store.ts';
import { EXPORT_FORMAT } from '../../src/lib/self-check-export.ts';
import { toOpenData } from '../../src/lib/open-data.ts';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadSeed, normalize, projectRoot, requiredLevel, seedIndicators } from '../support/seed.ts';

const { dictionary } = await checkContent(projectRoot);
if (!dictionary) throw new Error('The real content does not validate (see `npm run check`).');
const data: MatrixData = toMatrixData(dictionary, 'id', undefined);
const seed = loadSeed();

/** The labels as cek-mandiri.astro passes them: the `check.*` keys, prefix stripped, placeholders intact. */
const labels: SelfCheckLabels = labelsFor('check', idStrings);
const fill = (key: keyof SelfCheckLabels, values: Record<string, string | number> = {}) => {
  const template = labels[key];
  if (template === undefined) throw new Error(`no label ${key}`);
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));
};

const PATH = '/cek-mandiri/';
const slugs = data.competencies.map((competency) => competency.slug);
const competencyIndex = (slug: string) => slugs.indexOf(slug);
const roleIndex = (slug: string) => data.roles.findIndex((role) => role.slug === slug);
const seedCompetency = (c: number) =>
  seed.competencies.find(({ name }) => normalize(name) === normalize(data.competencies[c]!.name))!;
/** The draft's leveling table cell (null: "-"). */
const seedRequired = (r: number, c: number): number | null => {
  const row = [...seed.leveling.levels.keys()].find(
    (name) => normalize(name) === normalize(data.competencies[c]!.name),
  )!;
  const level = requiredLevel(seed, row, data.roles[r]!.name);
  if (level === undefined) throw new Error(`seed: no leveling cell for ${data.roles[r]!.name}`);
  return level;
};
/** The draft's indicators of levels 1..to. */
const seedUpTo = (c: number, to: number) => seedIndicators(seedCompetency(c)).filter(({ level }) => level <= to);
const text = (element: Element | null | undefined) => normalize(element?.textContent ?? '');
const saved = () => localStorage.getItem(STORAGE_KEY);

/** A record from per-competency answer strings (shorter strings are padded with "_"). */
function record(role: string | null, answers: Record<string, string> = {}, all = false): SelfCheckRecord {
  const base = emptyRecord(data, role, all);
  for (const [slug, value] of Object.entries(answers)) {
    base.answers[slug] = value.padEnd(base.answers[slug]!.length, '_');
  }
  return base;
}

function mount(props: { openDataUrl?: string; source?: string } = {}) {
  const view = render(<SelfCheck data={data} labels={labels} {...props} />);
  const root = view.container as HTMLElement;
  const q = within(root);
  /** The questions of one competency (a region named by its heading), or null when not asked. */
  const section = (slug: string) => q.queryByRole('region', { name: data.competencies[competencyIndex(slug)]!.name });
  const questions = (slug: string) => {
    const found = section(slug);
    if (!found) throw new Error(`${slug} is not asked`);
    return within(found);
  };
  /** The radio group of one indicator, found by its accessible name "<no> <text>". */
  const indicator = (slug: string, no: string) => {
    const entry = data.competencies[competencyIndex(slug)]!.levels.flatMap((level) => level.indicators);
    const found = entry.find((candidate) => candidate.no === no)!;
    return questions(slug).getByRole('group', { name: `${found.no} ${plainText(found.text)}` });
  };
  const choose = (slug: string, no: string, value: 'Ya' | 'Belum') =>
    fireEvent.click(within(indicator(slug, no)).getByRole('radio', { name: value }));
  const chooseRole = (slug: string | null) =>
    fireEvent.click(q.getByRole('radio', { name: slug === null ? fill('noRole') : data.roles[roleIndex(slug)]!.name }));
  const progress = () => q.getByRole('progressbar');
  const progressText = () => text(root.querySelector('.self-check-progress-text'));
  const resultsTable = () => q.getByRole('table', { name: fill('resultsCaption') });
  const fitTable = () => q.getByRole('table', { name: fill('fitCaption') });
  /** A table's rows as cell texts; the fit table's role cells read as the role's name alone. */
  const rows = (table: HTMLElement) =>
    [...table.querySelectorAll('tbody tr:not(.self-check-gap-row)')].map((row) =>
      [...row.querySelectorAll('th, td')].map((cell) => text(cell.querySelector('.self-check-role-name') ?? cell)),
    );
  /** The live region beside the control with this accessible name (button or labelled input). */
  const statusBeside = (name: string) =>
    within(q.getByRole('button', { name }).closest('.self-check-action-group') as HTMLElement).getByRole('status');
  const checkedAnswers = (slug: string) =>
    [...(section(slug)?.querySelectorAll<HTMLInputElement>('input[type="radio"]:checked') ?? [])].map(
      (input) => `${input.name}=${input.value}`,
    );
  const levelLegends = (slug: string) =>
    [...(section(slug)?.querySelectorAll('fieldset.self-check-level > legend') ?? [])].map(text);
  const indicatorNumbers = (slug: string) =>
    [...(section(slug)?.querySelectorAll('fieldset.self-check-indicator > legend') ?? [])].map(
      (legend) => text(legend).split(' ')[0],
    );
  const notice = () => root.querySelector('.self-check-notice');
  const button = (name: string) => q.getByRole('button', { name });
  const fileInput = () => q.getByLabelText(fill('import')) as HTMLInputElement;
  return {
    root,
    q,
    section,
    questions,
    indicator,
    choose,
    chooseRole,
    progress,
    progressText,
    resultsTable,
    fitTable,
    rows,
    checkedAnswers,
    levelLegends,
    indicatorNumbers,
    notice,
    button,
    fileInput,
    statusBeside,
    fileStatus: () => within(fileInput().closest('.self-check-action-group') as HTMLElement).getByRole('status'),
  };
}
type View = ReturnType<typeof mount>;

/** The radios checked in a view, as `<slug>-<no>=y|n`, for every competency. */
const shown = (view: View) => slugs.flatMap((slug) => view.checkedAnswers(slug));
/** The same, computed from a record within the scope the island shows. */
const expectedShown = (chosen: SelfCheckRecord) =>
  slugs.flatMap((slug, c) => {
    const r = roleIndex(chosen.role ?? '');
    const required = r < 0 || chosen.all ? 4 : seedRequired(r, c);
    if (required === null) return [];
    const numbers = seedUpTo(c, Math.min(5, required + 1)).map(({ no }) => no);
    return numbers.flatMap((no, index) => {
      const value = chosen.answers[slug]![index];
      return value === '_' ? [] : [`${slug}-${no}=${value}`];
    });
  });

async function importFile(view: View, content: string, name = 'cek.json') {
  const file = new File([content], name, { type: 'application/json' });
  const input = view.fileInput();
  Object.defineProperty(input, 'files', { configurable: true, value: [file] });
  fireEvent.change(input);
}

beforeEach(() => {
  history.replaceState(null, '', PATH);
  localStorage.clear();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('first render and scope', () => {
  test('before it mounts, the same view is served with every control disabled; mounted, they work', async () => {
    const container = document.body.appendChild(document.createElement('div'));
    renderPreact(<SelfCheck data={data} labels={labels} />, container);
    // The first render is what the server sends: questions and results, nothing answerable yet.
    const controls = () => [...container.querySelectorAll<HTMLInputElement | HTMLButtonElement>('input, button')];
    expect(container.querySelector('.self-check-questions')).not.toBeNull();
    expect(container.querySelector('.self-check-results')).not.toBeNull();
    expect(controls().length).toBeGreaterThan(10);
    expect(controls().filter((control) => !control.disabled && !control.closest('fieldset:disabled'))).toEqual([]);
    await waitFor(() =>
      expect(controls().filter((control) => control.closest('fieldset:disabled') || control.disabled)).toEqual([]),
    );
    renderPreact(null, container);
    container.remove();
  });

  test('without a role every level of every competency is asked', () => {
    const view = mount();
    const total = seed.competencies.reduce((sum, competency) => sum + seedIndicators(competency).length, 0);
    expect(view.progressText()).toBe(normalize(fill('progress', { answered: 0, total })));
    expect((view.q.getByRole('radio', { name: fill('noRole') }) as HTMLInputElement).checked).toBe(true);
    slugs.forEach((slug, c) => {
      expect(view.levelLegends(slug)).toHaveLength(5);
      expect(view.indicatorNumbers(slug)).toEqual(seedIndicators(seedCompetency(c)).map(({ no }) => no));
    });
  });

  test('choosing a role asks only its competencies, up to one level beyond its requirement', () => {
    const view = mount();
    data.roles.forEach((role, r) => {
      view.chooseRole(role.slug);
      expect((view.q.getByRole('radio', { name: role.name }) as HTMLInputElement).checked).toBe(true);
      let total = 0;
      slugs.forEach((slug, c) => {
        const required = seedRequired(r, c);
        if (required === null) {
          expect(view.section(slug), `${role.slug} / ${slug}`).toBeNull();
          return;
        }
        const asked = Math.min(5, required + 1);
        const indicators = seedUpTo(c, asked);
        total += indicators.length;
        expect(
          view.levelLegends(slug).map((legend) => legend.split(':')[0]),
          `${role.slug} / ${slug}`,
        ).toEqual(Array.from({ length: asked }, (_, index) => fill('level', { level: index + 1 })));
        expect(view.indicatorNumbers(slug)).toEqual(indicators.map(({ no }) => no));
      });
      expect(view.progressText()).toBe(normalize(fill('progress', { answered: 0, total })));
      expect(view.progress().getAttribute('max')).toBe(String(total));
      expect(JSON.parse(saved()!)).toMatchObject({ role: role.slug, all: false });
    });
  });

  test('the Verifikator is not asked about information security; "ask all" brings every level back', () => {
    const view = mount();
    view.chooseRole('verifikator');
    expect(view.section('keamanan-informasi')).toBeNull();
    expect(view.levelLegends('layanan-lpse')).toHaveLength(3);
    fireEvent.click(view.q.getByRole('checkbox', { name: fill('askAll') }));
    expect(view.section('keamanan-informasi')).not.toBeNull();
    for (const slug of slugs) expect(view.levelLegends(slug)).toHaveLength(5);
    expect(JSON.parse(saved()!)).toMatchObject({ role: 'verifikator', all: true });
  });

  test('each indicator is a radio group named by its number and text, with "Ya" and "Belum"', () => {
    const view = mount();
    view.chooseRole('verifikator');
    const group = view.questions('layanan-lpse').getByRole('group', { name: /^2\.1 / });
    const indicator = data.competencies[competencyIndex('layanan-lpse')]!.levels[1]!.indicators[0]!;
    expect(normalize(group.querySelector('legend')!.textContent!)).toBe(normalize(`2.1 ${plainText(indicator.text)}`));
    expect(normalize(plainText(indicator.text))).toBe(normalize(seedUpTo(competencyIndex('layanan-lpse'), 2)[3]!.text));
    const radios = within(group).getAllByRole('radio');
    expect(radios.map((radio) => radio.getAttribute('value'))).toEqual(['y', 'n']);
    expect(within(group).getByRole('radio', { name: fill('yes') })).toBe(radios[0]);
    expect(within(group).getByRole('radio', { name: fill('notYet') })).toBe(radios[1]);
    // Every asked indicator has exactly one such group.
    for (const slug of ['layanan-lpse', 'aplikasi-spse']) {
      for (const level of data.competencies[competencyIndex(slug)]!.levels.slice(0, 3)) {
        for (const entry of level.indicators) {
          const found = view.indicator(slug, entry.no);
          expect(within(found).getAllByRole('radio')).toHaveLength(2);
        }
      }
    }
  });
});

test("the draft's italics show in the questions, marked as English on an Indonesian page", () => {
  const view = mount();
  view.chooseRole('admin-sistem');
  const italic = [...view.root.querySelectorAll('.self-check-indicator legend i')];
  expect(italic.length).toBeGreaterThan(0);
  expect(italic.map((element) => element.textContent)).toContain('application infrastructure');
  for (const element of italic) expect(element.getAttribute('lang')).toBe('en');
  expect(view.root.querySelector('.self-check-indicator legend')!.textContent).not.toContain('*');
});

describe('answering and results', () => {
  test('each answer updates the progress and is saved at once', () => {
    const view = mount();
    view.chooseRole('verifikator');
    const total =
      seedUpTo(competencyIndex('layanan-lpse'), 3).length + seedUpTo(competencyIndex('aplikasi-spse'), 3).length;
    view.choose('layanan-lpse', '1.1', 'Ya');
    expect(view.progressText()).toBe(normalize(fill('progress', { answered: 1, total })));
    expect(view.progress().getAttribute('value')).toBe('1');
    expect(JSON.parse(saved()!)).toEqual(record('verifikator', { 'layanan-lpse': 'y' }));
    view.choose('aplikasi-spse', '1.2', 'Belum');
    view.choose('layanan-lpse', '1.1', 'Belum');
    // After a "Belum" at level 1 the higher levels are optional: only level 1 of each is still needed.
    const needed =
      seedUpTo(competencyIndex('layanan-lpse'), 1).length + seedUpTo(competencyIndex('aplikasi-spse'), 1).length;
    expect(view.progressText()).toBe(normalize(fill('progress', { answered: 2, total: needed })));
    expect(JSON.parse(saved()!)).toEqual(record('verifikator', { 'layanan-lpse': 'n', 'aplikasi-spse': '_n' }));
  });

  test('the results table, role fit and development plan follow the answers', () => {
    const view = mount();
    view.chooseRole('verifikator');
    const layanan = competencyIndex('layanan-lpse');
    const aplikasi = competencyIndex('aplikasi-spse');
    const name = (c: number) => normalize(data.competencies[c]!.name);
    const incomplete = (level: number) => `${level} (${fill('incomplete')})`;
    expect(view.rows(view.resultsTable())).toEqual(
      data.competencies.map((competency, c) => {
        const required = seedRequired(roleIndex('verifikator'), c);
        return [
          normalize(competency.name),
          incomplete(0),
          required === null ? '–' : String(required),
          required === null ? '–' : fill('unknown'),
        ];
      }),
    );
    for (const entry of seedUpTo(layanan, 2)) view.choose('layanan-lpse', entry.no, 'Ya');
    expect(view.rows(view.resultsTable())[layanan]).toEqual([name(layanan), incomplete(2), '2', fill('met')]);
    // The plan lists exactly what is left of the required levels, linked to the indicators.
    const plans = view.root.querySelectorAll('.self-check-plan');
    expect(plans).toHaveLength(1);
    expect(text(plans[0]!.querySelector('h4'))).toBe(`${name(aplikasi)}: ${fill('planTo', { level: 2 })}`);
    // Level 2's own indicators first (what the draft's role table lists), then level 1's (the cumulative reading).
    const left = [...seedUpTo(aplikasi, 2).filter(({ level }) => level === 2), ...seedUpTo(aplikasi, 1)];
    const links = [...plans[0]!.querySelectorAll('li a')];
    expect(links.map(text)).toEqual(left.map(({ no }) => no));
    expect(links.map((link) => link.getAttribute('href'))).toEqual(
      left.map(({ no }) => `/kompetensi/aplikasi-spse/#indikator-${no.replace('.', '-')}`),
    );
    const levels = data.competencies[aplikasi]!.levels;
    expect([...plans[0]!.querySelectorAll('li')].map(text)).toEqual(
      [...levels[1]!.indicators, ...levels[0]!.indicators].map((indicator) =>
        normalize(`${indicator.no} ${indicator.text}`),
      ),
    );
    expect([...plans[0]!.querySelectorAll('p[data-part]')].map(text)).toEqual([
      normalize(fill('planOwn', { level: 2, count: levels[1]!.indicators.length })),
      normalize(fill('planBelow', { levels: '1', count: levels[0]!.indicators.length })),
    ]);
    // A "Belum" at level 1: level 0, complete, two levels short; the plan keeps it.
    view.choose('aplikasi-spse', '1.1', 'Belum');
    expect(view.rows(view.resultsTable())[aplikasi]).toEqual([
      name(aplikasi),
      '0',
      '2',
      fill('gapLevels', { count: 2 }),
    ]);
    view.choose('aplikasi-spse', '1.1', 'Ya');
    for (const entry of seedUpTo(aplikasi, 2).slice(1)) view.choose('aplikasi-spse', entry.no, 'Ya');
    expect(view.rows(view.resultsTable())[aplikasi]).toEqual([name(aplikasi), incomplete(2), '2', fill('met')]);
    expect(view.root.querySelectorAll('.self-check-plan')).toHaveLength(0);
    expect(text(view.q.getByRole('heading', { name: fill('plan') }).nextElementSibling)).toBe(
      normalize(fill('planDone')),
    );
    // Role fit: against all four roles, whatever the target.
    expect(view.rows(view.fitTable())).toEqual([
      // Koordinator 3 / 3 / 2: layanan level 3 (4) and keamanan 1-3 (9) left; of the 13, levels 3's own 4 + 3.
      [
        normalize(data.roles[roleIndex('koordinator')]!.name),
        fill('fit.unknown'),
        '1 / 3',
        normalize(fill('leftSplit', { count: 4 + 9, own: 4 + 3, below: 6 })),
      ],
      // Admin Sistem 1 / 4 / 4: keamanan 1-4 (12) and aplikasi 3-4 (4 + 3) left; of the 19, level 4's own 3 + 3.
      [
        normalize(data.roles[roleIndex('admin-sistem')]!.name),
        fill('fit.unknown'),
        '1 / 3',
        normalize(fill('leftSplit', { count: 12 + 7, own: 3 + 3, below: 9 + 4 })),
      ],
      [normalize(data.roles[roleIndex('verifikator')]!.name), fill('fit.met'), '2 / 2', '0'],
      // Helpdesk 2 / 1 / 2: keamanan level 1 (3) left.
      [normalize(data.roles[roleIndex('helpdesk')]!.name), fill('fit.unknown'), '2 / 3', '3'],
    ]);
    view.choose('layanan-lpse', '3.1', 'Belum');
    expect(view.rows(view.fitTable())[roleIndex('koordinator')]![1]).toBe(fill('fit.not-met'));
  });

  test('each role of the fit table opens its gap and plan in place; target and answers stay', () => {
    // Helpdesk at 2 / 1 / 2, each next level "Belum", as a staffer would answer.
    const helpdesk = record('helpdesk', {
      'layanan-lpse': 'yyyyyyynnnn',
      'keamanan-informasi': 'yyynnn',
      'aplikasi-spse': 'yyyyyynnnn',
    });
    localStorage.setItem(STORAGE_KEY, JSON.stringify(helpdesk));
    const view = mount();
    const before = saved();
    // Changing nothing, every answer needed for the target is in.
    expect(view.progressText()).toBe(normalize(fill('progress', { answered: 27, total: 27 })));
    for (const [r, role] of data.roles.entries()) {
      const toggle = within(view.fitTable()).getByRole('button', { name: new RegExp(`^${role.name}`) });
      expect(toggle.getAttribute('aria-expanded')).toBe('false');
      const panel = view.root.querySelector(`#${toggle.getAttribute('aria-controls')}`)!;
      expect(panel.hasAttribute('hidden')).toBe(true);
      fireEvent.click(toggle);
      expect(toggle.getAttribute('aria-expanded')).toBe('true');
      expect(panel.hasAttribute('hidden')).toBe(false);
      expect(text(panel.querySelector('h4'))).toBe(normalize(fill('fitPlanTitle', { role: role.name })));
      // One group per required competency, each with the levels and indicators still to reach, linked.
      const required = slugs.flatMap((slug, c) => (seedRequired(r, c) === null ? [] : [[slug, c] as const]));
      expect(panel.querySelectorAll('h5')).toHaveLength(required.length);
      const links = [...panel.querySelectorAll('li a')].map((link) => link.getAttribute('href'));
      const expected = required.flatMap(([slug, c]) => {
        const answers = helpdesk.answers[slug]!;
        return seedUpTo(c, seedRequired(r, c)!)
          .filter((_, at) => answers[at] !== 'y')
          .map(({ no }) => `/kompetensi/${slug}/#indikator-${no.replace('.', '-')}`);
      });
      expect(links).toEqual(expected);
      // The fit table's cell leads with the total (a split of own and lower levels may follow).
      expect(links).toHaveLength(Number(/^\d+/.exec(view.rows(view.fitTable())[r]![3]!)?.[0]));
      // The role page is one link further.
      expect(
        within(panel as HTMLElement)
          .getByRole('link', { name: fill('fitPlanRolePage', { role: role.name }) })
          .getAttribute('href'),
      ).toBe(role.href);
      fireEvent.click(toggle);
      expect(panel.hasAttribute('hidden')).toBe(true);
    }
    expect(
      (view.q.getByRole('radio', { name: data.roles[roleIndex('helpdesk')]!.name }) as HTMLInputElement).checked,
    ).toBe(true);
    expect(saved()).toBe(before);
  });

  test('switching target keeps every answer and counts only what the new target needs; jumps lead on', () => {
    const view = mount();
    view.chooseRole('helpdesk');
    for (const entry of seedUpTo(competencyIndex('layanan-lpse'), 1)) view.choose('layanan-lpse', entry.no, 'Ya');
    view.choose('layanan-lpse', '2.1', 'Belum');
    const next = view.q.getByRole('link', { name: fill('nextQuestion') });
    // The next needed question is the first unanswered one in dictionary order: layanan 2.2.
    expect(next.getAttribute('href')).toBe('#q-layanan-lpse-2.2');
    expect(view.root.querySelector('#q-layanan-lpse-2\\.2')).not.toBeNull();
    expect(view.q.getByRole('link', { name: fill('toResults') }).getAttribute('href')).toBe(
      '#self-check-results-title',
    );
    view.chooseRole('koordinator');
    expect(shown(view)).toEqual([
      'layanan-lpse-1.1=y',
      'layanan-lpse-1.2=y',
      'layanan-lpse-1.3=y',
      'layanan-lpse-2.1=n',
    ]);
    // Koordinator asks layanan up to level 4, but above the "Belum" at level 2 nothing more is needed.
    const needed =
      seedUpTo(competencyIndex('layanan-lpse'), 2).length +
      seedUpTo(competencyIndex('keamanan-informasi'), 4).length +
      seedUpTo(competencyIndex('aplikasi-spse'), 3).length;
    expect(view.progressText()).toBe(normalize(fill('progress', { answered: 4, total: needed })));
  });

  test('without a role the plan asks for one and required levels are blank', () => {
    const view = mount();
    expect(text(view.q.getByRole('heading', { name: fill('plan') }).nextElementSibling)).toBe(
      normalize(fill('planNoRole')),
    );
    for (const row of view.rows(view.resultsTable())) expect(row.slice(2)).toEqual(['–', '–']);
  });

  test('the chart is an image named by its title, bars in proportion to the table', () => {
    localStorage.setItem(
      STORAGE_KEY,
      JSON.stringify(record('admin-sistem', { 'layanan-lpse': 'yyyyyyy', 'keamanan-informasi': 'y'.repeat(12) + 'n' })),
    );
    const view = mount();
    const chart = view.q.getByRole('img', { name: fill('chartTitle') });
    expect(chart.tagName.toLowerCase()).toBe('svg');
    expect(text(view.root.querySelector('figcaption'))).toContain(normalize(fill('chartAlt')));
    const width = (selector: string) =>
      [...chart.querySelectorAll(selector)].map((rect) => Number(rect.getAttribute('width')));
    const unit = width('rect.required')[0]! / 1;
    // Attained 2 / 4 / 0, required 1 / 4 / 4.
    expect(width('rect.attained')).toEqual([2 * unit, 4 * unit, 0]);
    expect(width('rect.required')).toEqual([unit, 4 * unit, 4 * unit]);
    expect(view.rows(view.resultsTable()).map((row) => row.slice(1, 3))).toEqual([
      [`2 (${fill('incomplete')})`, '1'],
      ['4', '4'],
      [`0 (${fill('incomplete')})`, '4'],
    ]);
  });

  test('after a "Belum" the higher levels fold into a <details>, still answerable', () => {
    const view = mount();
    view.chooseRole('koordinator');
    const region = () => view.section('layanan-lpse')!;
    expect(region().querySelector('details')).toBeNull();
    view.choose('layanan-lpse', '2.2', 'Belum');
    const details = region().querySelector('details.self-check-folded')!;
    expect(details).not.toBeNull();
    expect(details.hasAttribute('open')).toBe(false);
    expect(text(details.querySelector('summary'))).toBe(normalize(fill('folded', { from: 3, to: 4 })));
    expect(
      [...details.querySelectorAll('fieldset.self-check-level > legend')].map((l) => text(l).split(':')[0]),
    ).toEqual(['Level 3', 'Level 4']);
    // Levels 1 and 2 stay outside.
    expect(
      [...region().querySelectorAll(':scope > fieldset.self-check-level > legend')].map((l) => text(l).split(':')[0]),
    ).toEqual(['Level 1', 'Level 2']);
    // Answerable inside the fold, and saved.
    const inside = details.querySelector<HTMLInputElement>('input[name="layanan-lpse-3.2"][value="y"]')!;
    fireEvent.click(inside);
    expect(inside.checked).toBe(true);
    expect(JSON.parse(saved()!).answers['layanan-lpse']).toBe('____n__' + '_y' + '_'.repeat(8));
    // Other competencies are not folded; clearing the "Belum" unfolds.
    expect(view.section('aplikasi-spse')!.querySelector('details')).toBeNull();
    view.choose('layanan-lpse', '2.2', 'Ya');
    expect(region().querySelector('details')).toBeNull();
  });
});

describe('storage', () => {
  test('a saved record is restored on mount', () => {
    const own = record('admin-sistem', { 'layanan-lpse': 'yyyn', 'keamanan-informasi': 'yny', 'aplikasi-spse': 'y' });
    localStorage.setItem(STORAGE_KEY, JSON.stringify(own));
    const view = mount();
    expect(
      (view.q.getByRole('radio', { name: data.roles[roleIndex('admin-sistem')]!.name }) as HTMLInputElement).checked,
    ).toBe(true);
    expect(shown(view)).toEqual(expectedShown(own));
    expect(shown(view)).toHaveLength(8);
    expect(view.progressText()).toMatch(/^8 dari /);
    expect(view.notice()).toBeNull();
  });

  test('corrupt storage: a notice, and a fresh start', () => {
    localStorage.setItem(STORAGE_KEY, 'garbage');
    const view = mount();
    expect(text(view.q.getByRole('alert'))).toBe(normalize(`${fill('corrupt')} ${fill('problem.malformed')}`));
    expect(shown(view)).toEqual([]);
    expect((view.q.getByRole('radio', { name: fill('noRole') }) as HTMLInputElement).checked).toBe(true);
    expect(view.progressText()).toMatch(/^0 dari /);
    // The fresh start is saved with the first answer.
    view.choose('layanan-lpse', '1.1', 'Ya');
    expect(JSON.parse(saved()!)).toEqual(record(null, { 'layanan-lpse': 'y' }));
  });

  test('a saved record of another version is set aside with its reason', () => {
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ ...record('helpdesk', { 'layanan-lpse': 'yy' }), v: 0 }));
    const view = mount();
    expect(text(view.q.getByRole('alert'))).toBe(normalize(`${fill('corrupt')} ${fill('problem.version')}`));
    expect(shown(view)).toEqual([]);
  });

  test('storage unavailable: a notice, and the self-check still works', () => {
    vi.stubGlobal('localStorage', {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
      removeItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
    });
    const view = mount();
    expect(view.q.getByText(fill('noStorage'))).toBeTruthy();
    view.chooseRole('helpdesk');
    view.choose('layanan-lpse', '1.1', 'Ya');
    expect(view.progressText()).toMatch(/^1 dari /);
    expect(
      (view.q.getByRole('radio', { name: data.roles[roleIndex('helpdesk')]!.name }) as HTMLInputElement).checked,
    ).toBe(true);
    expect(view.q.queryByRole('alert')).toBeNull();
  });

  test('delete asks first, then clears storage and the answers', () => {
    const own = record('helpdesk', { 'layanan-lpse': 'yyy' });
    localStorage.setItem(STORAGE_KEY, JSON.stringify(own));
    const view = mount();
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    fireEvent.click(view.button(fill('delete')));
    expect(confirm).toHaveBeenCalledWith(fill('deleteConfirm'));
    expect(saved()).toBe(JSON.stringify(own));
    expect(shown(view)).toHaveLength(3);
    confirm.mockReturnValue(true);
    fireEvent.click(view.button(fill('delete')));
    expect(confirm).toHaveBeenCalledTimes(2);
    expect(saved()).toBeNull();
    expect(shown(view)).toEqual([]);
    expect((view.q.getByRole('radio', { name: fill('noRole') }) as HTMLInputElement).checked).toBe(true);
    expect(text(view.statusBeside(fill('delete')))).toBe(normalize(fill('deleted')));
  });
});

describe('share links', () => {
  const own = record('helpdesk', { 'layanan-lpse': 'yyyy' });
  const sharedRecord = record('admin-sistem', { 'layanan-lpse': 'yyyn', 'keamanan-informasi': 'yyyyyynyy' });

  test('the share link carries the answers in the fragment', () => {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(own));
    const view = mount();
    const link = (view.q.getByLabelText(fill('shareLink')) as HTMLInputElement).value;
    expect(link).toBe(`${location.origin}${PATH}#${encodeFragment(own)}`);
  });

  test('copying the link confirms beside the copy button, politely announced; a refused copy says so there', async () => {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(own));
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    const view = mount();
    const status = view.statusBeside(fill('copy'));
    expect(text(status)).toBe('');
    fireEvent.click(view.button(fill('copy')));
    await waitFor(() => expect(text(status)).toBe(normalize(fill('copied'))));
    expect(writeText).toHaveBeenCalledWith(`${location.origin}${PATH}#${encodeFragment(own)}`);
    // The same region: it existed before the message, so screen readers announce the change.
    expect(view.statusBeside(fill('copy'))).toBe(status);
    expect(view.notice()).toBeNull();
    writeText.mockRejectedValueOnce(new Error('denied'));
    fireEvent.click(view.button(fill('copy')));
    await waitFor(() => expect(text(status)).toBe(normalize(fill('copyFailed'))));
  });

  test('a valid link is shown, not saved, until "Simpan sebagai jawaban saya"', () => {
    const before = JSON.stringify(own);
    localStorage.setItem(STORAGE_KEY, before);
    history.replaceState(null, '', `${PATH}#${encodeFragment(sharedRecord)}`);
    const view = mount();
    const status = view.notice()!;
    expect(status.getAttribute('role')).toBe('status');
    expect(text(status.querySelector('p'))).toBe(normalize(fill('sharedView')));
    expect(shown(view)).toEqual(expectedShown(sharedRecord));
    expect(
      (view.q.getByRole('radio', { name: data.roles[roleIndex('admin-sistem')]!.name }) as HTMLInputElement).checked,
    ).toBe(true);
    // Viewed, not editable, and the viewer's own answers untouched.
    expect(view.indicator('layanan-lpse', '1.1').closest('fieldset[disabled]')).not.toBeNull();
    // (happy-dom lets a click through a disabled fieldset; the browser test clicks for real.)
    expect(view.root.querySelector('.self-check-target')!.hasAttribute('disabled')).toBe(true);
    expect(saved()).toBe(before);
    fireEvent.click(view.button(fill('sharedKeep')));
    expect(JSON.parse(saved()!)).toEqual(sharedRecord);
    expect(location.hash).toBe('');
    expect(text(view.notice())).toBe(normalize(fill('sharedSaved')));
    expect(shown(view)).toEqual(expectedShown(sharedRecord));
    expect(view.indicator('layanan-lpse', '1.1').closest('fieldset[disabled]')).toBeNull();
  });

  test('"Kembali ke jawaban saya" leaves the shared view, saving nothing', () => {
    const before = JSON.stringify(own);
    localStorage.setItem(STORAGE_KEY, before);
    history.replaceState(null, '', `${PATH}#${encodeFragment(sharedRecord)}`);
    const view = mount();
    fireEvent.click(view.button(fill('sharedLeave')));
    expect(location.hash).toBe('');
    expect(saved()).toBe(before);
    expect(shown(view)).toEqual(expectedShown(own));
    expect(view.notice()).toBeNull();
  });

  test('a link opened on an empty browser writes nothing', () => {
    history.replaceState(null, '', `${PATH}#${encodeFragment(sharedRecord)}`);
    const view = mount();
    expect(shown(view)).toEqual(expectedShown(sharedRecord));
    expect(saved()).toBeNull();
  });

  test.each([
    ['tampered', () => encodeFragment(sharedRecord).replace('yyyn', 'yyyx'), 'answers'],
    ['truncated', () => encodeFragment(sharedRecord).slice(0, -3), 'answers'],
    ['oversized', () => `v=1&${'a'.repeat(30_000)}`, 'too-long'],
    ['old version', () => encodeFragment(sharedRecord).replace('v=1', 'v=0'), 'version'],
    ['unknown role', () => encodeFragment(sharedRecord).replace('admin-sistem', 'kepala'), 'unknown-role'],
    ['script as role', () => `v=1&r=${encodeURIComponent('<script>window.pwned=1</script>')}`, 'unknown-role'],
    ['markup as key', () => `v=1&${encodeURIComponent('<img src=x onerror=window.pwned=1>')}=y`, 'unknown-competency'],
    ['not a record', () => '<b>hi</b>', 'malformed'],
  ])('a %s link is refused with a message; storage and answers unchanged', (_, fragment, problem) => {
    const before = JSON.stringify(own);
    localStorage.setItem(STORAGE_KEY, before);
    history.replaceState(null, '', `${PATH}#${fragment()}`);
    const view = mount();
    const alert = view.q.getByRole('alert');
    expect(text(alert)).toBe(normalize(`${fill('badLink')} ${fill(`problem.${problem as RecordProblem}`)}`));
    expect(alert.querySelectorAll('*')).toHaveLength(1);
    expect(view.root.querySelector('script, img, b')).toBeNull();
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
    expect(shown(view)).toEqual(expectedShown(own));
    expect(view.indicator('layanan-lpse', '1.1').closest('fieldset[disabled]')).toBeNull();
    expect(saved()).toBe(before);
  });

  test('Back/Forward between a link and one’s own answers (hashchange)', async () => {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(own));
    const view = mount();
    expect(shown(view)).toEqual(expectedShown(own));
    history.pushState(null, '', `${PATH}#${encodeFragment(sharedRecord)}`);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await waitFor(() => expect(shown(view)).toEqual(expectedShown(sharedRecord)));
    expect(text(view.notice()!.querySelector('p'))).toBe(normalize(fill('sharedView')));
    history.back();
    await waitFor(() => expect(location.hash).toBe(''));
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await waitFor(() => expect(shown(view)).toEqual(expectedShown(own)));
    expect(JSON.parse(saved()!)).toEqual(own);
    // Back on one's own answers, the notice no longer claims a shared result is shown.
    expect(view.q.queryByText(fill('sharedView'))).toBeNull();
  });
});

describe('export and import', () => {
  test('export writes a readable JSON (format 2, both texts) and a CSV of the same rows; the JSON imports back', async () => {
    const own = record('koordinator', { 'layanan-lpse': 'yyyyn', 'aplikasi-spse': 'yy' });
    localStorage.setItem(STORAGE_KEY, JSON.stringify(own));
    const openData = toOpenData(dictionary!, new URL('https://kamus-lpse.example.org/'));
    const fetched = vi.fn(async () => new Response(JSON.stringify(openData)));
    vi.stubGlobal('fetch', fetched);
    const view = mount({ openDataUrl: '/data/kamus.json', source: '28402/D.3.1/11/2022' });
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((value) => {
      blobs.push(value as Blob);
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const names: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    fireEvent.click(view.button(fill('export')));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    expect(fetched).toHaveBeenCalledWith('/data/kamus.json');
    expect(names[0]).toMatch(/^cek-mandiri-pengelola-lpse-\d{4}-\d{2}-\d{2}\.json$/);
    // The confirmation is beside the export button, in a polite live region.
    await waitFor(() =>
      expect(text(view.statusBeside(fill('export')))).toBe(normalize(fill('exported', { file: names[0]! }))),
    );
    expect(blobs[0]!.type).toBe('application/json');
    const exported = await blobs[0]!.text();
    const json = JSON.parse(exported);
    expect(json).toMatchObject({
      format: EXPORT_FORMAT,
      version: 2,
      lang: 'id',
      role: 'koordinator',
      source: '28402/D.3.1/11/2022',
    });
    const first = openData.competencies[0]!.levels[0]!.indicators[0]!;
    expect(json.indicators[0]).toEqual({
      id: first.id,
      competency: openData.competencies[0]!.id,
      level: 1,
      no: first.no,
      text: first.text,
      answer: 'yes',
    });
    expect(json.indicators[4]).toMatchObject({ no: '2.2', answer: 'not-yet' });
    expect(json.indicators[5]).toMatchObject({ no: '2.3', answer: null });

    fireEvent.click(view.button(fill('exportCsv')));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(2));
    expect(names[1]).toMatch(/\.csv$/);
    const csv = await blobs[1]!.text();
    const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((row) => [row.indicator, row.text_id, row.answer])).toEqual(
      json.indicators.map((row: { id: string; text: { id: string }; answer: string | null }) => [
        row.id,
        row.text.id,
        row.answer ?? '',
      ]),
    );

    // Importing it elsewhere restores the same answers.
    localStorage.clear();
    cleanup();
    const other = mount();
    await importFile(other, exported);
    await waitFor(() => expect(text(other.fileStatus())).toBe(normalize(fill('imported'))));
    expect(JSON.parse(saved()!)).toEqual(own);
    expect(shown(other)).toEqual(expectedShown(own));
  });

  test('an export whose open data cannot be fetched still carries the page language in both texts', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('', { status: 404 })),
    );
    const view = mount({ openDataUrl: '/data/kamus.json' });
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((value) => (blobs.push(value as Blob), 'blob:test'));
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    fireEvent.click(view.button(fill('export')));
    await waitFor(() => expect(blobs).toHaveLength(1));
    const first = data.competencies[0]!.levels[0]!.indicators[0]!;
    expect(JSON.parse(await blobs[0]!.text()).indicators[0].text).toEqual({ id: first.text, en: first.text });
  });

  test('an old (version 1) file and the kept version 2 file both import', async () => {
    for (const name of ['v1-helpdesk.json', 'v2-helpdesk.json']) {
      localStorage.clear();
      cleanup();
      const view = mount();
      await importFile(view, readFileSync(path.join(projectRoot, 'tests/fixtures/self-check', name), 'utf8'));
      await waitFor(() => expect(text(view.fileStatus())).toBe(normalize(fill('imported'))));
      expect(JSON.parse(saved()!)).toMatchObject({ v: 1, role: 'helpdesk' });
    }
  });

  test.each([
    ['not JSON', () => 'garbage', 'malformed'],
    ['HTML', () => '<script>window.pwned=1</script>', 'malformed'],
    ['another version', () => JSON.stringify({ ...emptyRecord(data), v: 2 }), 'version'],
    [
      'an unknown competency',
      () => JSON.stringify({ ...emptyRecord(data), answers: { lain: 'y' } }),
      'unknown-competency',
    ],
    [
      'answers of the wrong length',
      () => JSON.stringify({ ...emptyRecord(data), answers: { 'layanan-lpse': 'y' } }),
      'answers',
    ],
    ['oversized', () => JSON.stringify({ ...emptyRecord(data), pad: 'x'.repeat(30_000) }), 'too-long'],
  ])('a file with %s is refused with a message; storage unchanged', async (_, content, problem) => {
    const own = record('helpdesk', { 'layanan-lpse': 'yyyy' });
    const before = JSON.stringify(own);
    localStorage.setItem(STORAGE_KEY, before);
    const view = mount();
    await importFile(view, content());
    await waitFor(() =>
      expect(text(view.fileStatus())).toBe(
        normalize(`${fill('badFile')} ${fill(`problem.${problem as RecordProblem}`)}`),
      ),
    );
    expect(saved()).toBe(before);
    expect(shown(view)).toEqual(expectedShown(own));
    expect(view.root.querySelector('script')).toBeNull();
  });

  test('importing a file while viewing a link replaces the view and saves the file', async () => {
    const file = record('verifikator', { 'aplikasi-spse': 'yyy' });
    history.replaceState(null, '', `${PATH}#${encodeFragment(record('admin-sistem'))}`);
    const view = mount();
    await importFile(view, JSON.stringify(file));
    await waitFor(() => expect(text(view.fileStatus())).toBe(normalize(fill('imported'))));
    expect(location.hash).toBe('');
    expect(JSON.parse(saved()!)).toEqual(file);
    expect(shown(view)).toEqual(expectedShown(file));
  });
});
