// `node scripts/check-content.ts` (npm run check): exit 0 on the real content, the counts of the fixture dictionary, exit 1 naming file and field on a broken copy.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Runs the check script of the project at `projectRoot` and returns its exit code and output. */
function runCheck(projectRoot: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(projectRoot, 'scripts', 'check-content.ts')],
      { cwd: projectRoot },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

describe('check-content script', () => {
  test('passes on the real content', async () => {
    const { code, stdout, stderr } = await runCheck(root);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.trim()).toMatch(
      /^✓ Content valid: \d+ competencies, \d+ levels, \d+ indicators, \d+ roles, \d+ glossary terms\.$/,
    );
  }, 30_000);

  test('prints what it counted: the fixture dictionary in a copy of the project', async () => {
    const copy = await mkdtemp(join(tmpdir(), 'kkt-check-'));
    try {
      for (const entry of ['src/lib', 'scripts', 'package.json']) {
        await cp(join(root, entry), join(copy, entry), { recursive: true });
      }
      await cp(join(root, 'tests/fixtures/valid/src/content'), join(copy, 'src/content'), { recursive: true });
      await symlink(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
      const { code, stdout } = await runCheck(copy);
      expect(code).toBe(0);
      // alpha and beta, five levels each, 8 + 6 indicators; lead and support; four terms.
      expect(stdout.trim()).toBe(
        '✓ Content valid: 2 competencies, 10 levels, 14 indicators, 2 roles, 4 glossary terms.',
      );
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  }, 30_000);

  describe('on a broken copy of the project', () => {
    let copy: string;

    // A fresh copy for each test, so each sees only its own mistakes.
    beforeEach(async () => {
      copy = await mkdtemp(join(tmpdir(), 'kkt-check-'));
      for (const entry of ['src/lib', 'src/content', 'scripts', 'package.json']) {
        await cp(join(root, entry), join(copy, entry), { recursive: true });
      }
      await symlink(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
    });

    afterEach(() => rm(copy, { recursive: true, force: true }));

    /** Replaces the one match of `from` in a file of the copy. */
    async function edit(file: string, from: string | RegExp, to: string) {
      const path = join(copy, file);
      const text = await readFile(path, 'utf8');
      expect(text).toMatch(from);
      await writeFile(path, text.replace(from, to));
    }

    test('lists mistakes of several kinds at once, one exact line each', async () => {
      await cp(join(copy, 'src/content/roles/verifikator.mdx'), join(copy, 'src/content/roles/Verifikator.mdx'));
      await edit('src/content/competencies/keamanan-informasi.mdx', 'code: null', 'code: TBD');
      await edit('src/content/glossary/pns.mdx', /\n {2}en: .*/, '');
      await edit('src/content/source/kkt-sk-pengelola-lpse.mdx', 'deadline: 2022-11-10', 'deadline: 2022-11-31');
      await edit('src/content/i18n/id.json', /\n\}\s*$/, ',\n  "kkt.contact": "Telepon (021) 000-0000"\n}\n');

      const { code, stdout, stderr } = await runCheck(copy);
      expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
      expect(stderr.trim().split('\n')).toEqual([
        '✗ The dictionary content has 5 problem(s):',
        'src/content/competencies/keamanan-informasi.mdx › code: "TBD" is a placeholder, not a code; write `code: null` while the draft leaves the code blank',
        'src/content/roles/Verifikator.mdx › file name: has the same slug "verifikator" as src/content/roles/verifikator.mdx (letter case and extension do not tell entries apart, so both would be one page); merge the two files or give this one another name',
        'src/content/glossary/pns.mdx › expansion.en: the English text is missing; add `en:` with the translation',
        'src/content/source/kkt-sk-pengelola-lpse.mdx › consultation.deadline: 2022-11-31 is not a calendar date: November 2022 has 30 days; check the day and the month',
        'src/content/i18n/id.json › kkt.contact: contains a phone number; the site publishes none (the letter’s contact number is left out on purpose): remove it, or point to a web address',
      ]);
    }, 30_000);

    test('exits 1 and names the file and the field on stderr', async () => {
      const file = join(copy, 'src/content/roles/helpdesk.mdx');
      const text = await readFile(file, 'utf8');
      expect(text.match(/^ {2}aplikasi-spse: \d$/gm)).toHaveLength(1);
      await writeFile(file, text.replace(/^ {2}aplikasi-spse: \d$/m, '  aplikasi-spse: 6'));

      const { code, stdout, stderr } = await runCheck(copy);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toEqual([
        '✗ The dictionary content has 1 problem(s):',
        'src/content/roles/helpdesk.mdx › requirements.aplikasi-spse: must be from 1 to 5',
      ]);
    }, 30_000);
  });
});
