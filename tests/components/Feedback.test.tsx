// The feedback island in happy-dom with the real clause table and Indonesian labels: a link's clause opens
// the form, comments are saved, listed in dictionary order as text, edited and deleted; files merge or are
// refused by name; corrupt storage is reported and left alone.
import { cleanup, fireEvent, render, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import Feedback, { FEEDBACK_PAGE_ONLY, type FeedbackLabels } from '../../src/components/Feedback.tsx';
import { labelsFor } from '../../src/lib/labels.ts';
import idStrings from '../../src/content/i18n/id.json';
import { checkContent } from '../../src/lib/load-files.ts';
import { buildClauses, toClauseRows } from '../../src/lib/feedback/clauses.ts';
import { FEEDBACK_FORMAT, FEEDBACK_VERSION, type FeedbackRecord } from '../../src/lib/feedback/record.ts';
import { FEEDBACK_STORAGE_KEY } from '../../src/lib/feedback/store.ts';
import { projectRoot } from '../support/seed.ts';

const { dictionary } = await checkContent(projectRoot);
if (!dictionary) throw new Error('The real content does not validate (see `npm run check`).');
const rows = toClauseRows(buildClauses(dictionary), 'id', undefined);
const row = (id: string) => rows.find((entry) => entry.id === id)!;

/** The labels as masukan.astro passes them: the `feedback.*` keys, prefix stripped, placeholders intact. */
const labels: FeedbackLabels = labelsFor('feedback', idStrings, FEEDBACK_PAGE_ONLY);
const say = (key: keyof FeedbackLabels, values: Record<string, string | number> = {}) =>
  labels[key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));

const letter = { number: dictionary.source.number, subject: 'Hal' };
const mount = () => {
  const view = render(<Feedback clauses={rows} labels={labels} lang="id" letter={letter} />);
  return { view, q: within(view.container as HTMLElement) };
};
const stored = (): FeedbackRecord | null => JSON.parse(localStorage.getItem(FEEDBACK_STORAGE_KEY) ?? 'null');
const items = (container: Element) =>
  [...container.querySelectorAll('.feedback-item')].map((item) => item.textContent ?? '');

beforeEach(() => {
  localStorage.clear();
  history.replaceState(null, '', '/masukan/');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** Opens the page as a content page's link does, and saves a comment on that clause. */
async function addComment(clause: string, reason: string, kind = 'Substansi') {
  history.replaceState(null, '', `/masukan/?klausul=${clause}`);
  cleanup();
  const mounted = mount();
  await mounted.q.findByRole('heading', { name: say('newTitle', { clause: row(clause).number }) });
  fireEvent.click(mounted.q.getByRole('radio', { name: kind }));
  fireEvent.input(mounted.q.getByLabelText(say('reason')), { target: { value: reason } });
  fireEvent.submit(mounted.q.getByRole('button', { name: say('save') }).closest('form')!);
  await mounted.q.findByText(say('saved', { clause: row(clause).number }));
  return mounted;
}

describe('the feedback island', () => {
  test('a clause from the link opens the form with its current text and id; saving lists it', async () => {
    const { q, view } = await addComment('layanan-lpse.indikator-3-2', 'Kurang jelas');
    expect(items(view.container)).toHaveLength(1);
    expect(items(view.container)[0]).toContain(row('layanan-lpse.indikator-3-2').text);
    expect(items(view.container)[0]).toContain('layanan-lpse.indikator-3-2');
    expect(
      q.getByRole('link', { name: say('backTo', { clause: row('layanan-lpse.indikator-3-2').number }) }),
    ).toHaveProperty('href', expect.stringContaining('#indikator-3-2'));
    expect(stored()!.comments).toMatchObject([
      { clause: 'layanan-lpse.indikator-3-2', kind: 'substansi', reason: 'Kurang jelas' },
    ]);
  });

  test('the list follows the dictionary, whatever the order of writing; markup stays text', async () => {
    await addComment('helpdesk.standar-aplikasi-spse', 'Level 3');
    await addComment('keamanan-informasi.level-2', '<img src=x onerror=alert(1)>');
    const { view } = await addComment('layanan-lpse.definisi', 'Definisi');
    expect(items(view.container).map((item) => item.split(' ')[0])).toEqual(['1', '2', 'Helpdesk']);
    expect(view.container.querySelector('.feedback-item img')).toBeNull();
    expect(items(view.container)[1]).toContain('<img src=x onerror=alert(1)>');
  });

  test('an unknown clause in the link is named, not opened', async () => {
    history.replaceState(null, '', '/masukan/?klausul=layanan-lpse.indikator-9-9');
    const { q } = mount();
    await q.findByText(say('problem.unknown-clause', { ids: 'layanan-lpse.indikator-9-9' }));
    expect(q.queryByRole('textbox', { name: say('reason') })).toBeNull();
  });

  test('edit, delete one, delete all after confirmation', async () => {
    const { q, view } = await addComment('layanan-lpse.level-1', 'Awal');
    fireEvent.click(q.getByRole('button', { name: say('editLabel', { clause: row('layanan-lpse.level-1').number }) }));
    const reason = (await q.findByLabelText(say('reason'))) as HTMLTextAreaElement;
    expect(reason.value).toBe('Awal');
    fireEvent.input(reason, { target: { value: 'Diubah' } });
    fireEvent.submit(reason.closest('form')!);
    await waitFor(() => expect(stored()!.comments.map((c) => c.reason)).toEqual(['Diubah']));
    expect(items(view.container)).toHaveLength(1);

    fireEvent.click(
      q.getByRole('button', { name: say('deleteLabel', { clause: row('layanan-lpse.level-1').number }) }),
    );
    await waitFor(() => expect(stored()!.comments).toEqual([]));

    await addComment('layanan-lpse.level-2', 'Lagi');
    const confirm = vi.fn().mockReturnValueOnce(false).mockReturnValueOnce(true);
    vi.stubGlobal('confirm', confirm);
    fireEvent.click(within(document.body).getByRole('button', { name: say('deleteAll') }));
    expect(stored()!.comments).toHaveLength(1);
    fireEvent.click(within(document.body).getByRole('button', { name: say('deleteAll') }));
    await waitFor(() => expect(stored()).toBeNull());
    expect(confirm).toHaveBeenCalledTimes(2);
  });

  test('imports merge staff files and refuse a foreign one by name, keeping what is stored', async () => {
    const { q, view } = await addComment('layanan-lpse.level-1', 'Perlu contoh');
    const staff: FeedbackRecord = {
      format: FEEDBACK_FORMAT,
      version: FEEDBACK_VERSION,
      author: 'Staf B',
      unit: '',
      contact: '',
      comments: [
        {
          id: 'b1',
          clause: 'layanan-lpse.level-1',
          kind: 'substansi',
          proposal: '',
          reason: 'Perlu  contoh',
          authors: [],
        },
      ],
    };
    const files = [
      new File([JSON.stringify(staff)], 'staf-b.json', { type: 'application/json' }),
      new File(['{"v":1}'], 'cek-mandiri.json', { type: 'application/json' }),
    ];
    fireEvent.change(q.getByLabelText(say('import')), { target: { files } });
    await q.findByText((content) => content.includes('cek-mandiri.json'));
    expect(items(view.container)).toHaveLength(1);
    expect(items(view.container)[0]).toContain('Staf B');
    expect(q.getByText((content) => content.includes(say('imported', { files: 1, comments: 1 })))).toBeTruthy();
    expect(q.getByText((content) => content.includes(`cek-mandiri.json: ${say('problem.foreign')}`))).toBeTruthy();
  });

  test('corrupt storage is reported and not overwritten on load', async () => {
    localStorage.setItem(FEEDBACK_STORAGE_KEY, '{"format":"kkt-lpse-masukan","version":1,"comments":"x"}');
    const { q } = mount();
    await q.findByText((content) => content.startsWith(say('corrupt')));
    expect(localStorage.getItem(FEEDBACK_STORAGE_KEY)).toContain('"comments":"x"');
  });
});
