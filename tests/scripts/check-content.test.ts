// `npm run check` as an editor runs it: the script's exit code and the exact lines it prints, on the
// valid fixture and on a copy with several mistakes at once.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, expect, test } from 'vitest';

const run = promisify(execFile);
const script = fileURLToPath(new URL('../../scripts/check-content.ts', import.meta.url));
const fixture = fileURLToPath(new URL('../fixtures/valid/', import.meta.url));
let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'kkt-check-'));
  await cp(fixture, root, { recursive: true });
});
afterEach(() => rm(root, { recursive: true, force: true }));

/** Runs the check on the copy: exit code, standard output and error. */
const check = () =>
  run(process.execPath, [script, `--root=${root}`]).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );

async function edit(file: string, from: string, to: string) {
  const path = join(root, file);
  const text = await readFile(path, 'utf8');
  expect(text).toContain(from);
  await writeFile(path, text.replace(from, to));
}

test('a valid project passes with a count', async () => {
  const { code, stdout, stderr } = await check();
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  expect(stdout).toBe('✓ Content valid: 2 competencies, 10 levels, 14 indicators, 2 roles, 4 glossary terms.\n');
});

test('mistakes of several kinds are all listed, one line each, and the check exits 1', async () => {
  await cp(join(root, 'src/content/roles/lead.mdx'), join(root, 'src/content/roles/Lead.mdx'));
  await edit('src/content/source/source.mdx', 'date: 2022-11-04', 'date: 2022-11-31');
  await edit('src/content/competencies/beta.mdx', 'code: null', 'code: TBD');
  await edit('src/content/glossary/pns.mdx', '  en: Pegawai Negeri Sipil (en)\n', '');
  await edit('src/content/roles/support.mdx', 'first supporting duty;', 'first supporting duty, 0812-0000-0000;');
  const { code, stdout, stderr } = await check();
  expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
  expect(stderr.split('\n')).toEqual([
    '✗ The dictionary content has 5 problem(s):',
    'src/content/competencies/beta.mdx › code: "TBD" is a placeholder, not a code; write `code: null` while the draft leaves the code blank',
    'src/content/roles/Lead.mdx › file name: has the same slug "lead" as src/content/roles/lead.mdx (letter case and extension do not tell entries apart, so both would be one page); merge the two files or give this one another name',
    'src/content/roles/support.mdx › duties.0.en: contains a phone number; the site publishes none (the letter’s contact number is left out on purpose): remove it, or point to a web address',
    'src/content/glossary/pns.mdx › expansion.en: the English text is missing; add `en:` with the translation',
    'src/content/source/source.mdx › date: 2022-11-31 is not a calendar date: November 2022 has 30 days; check the day and the month',
    '',
  ]);
});
