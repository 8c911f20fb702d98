// `node scripts/check-content.ts` (npm run check): exit 0 with the counts on the real content, exit 1 naming file and field on a broken copy.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

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
  test('passes on the real content and prints what it counted', async () => {
    const glossary = (await readdir(join(root, 'src/content/glossary'))).filter((name) => name.endsWith('.mdx'));
    const { code, stdout, stderr } = await runCheck(root);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(
      `✓ Content valid: 3 competencies, 15 levels, 48 indicators, 4 roles, ${glossary.length} glossary terms.`,
    );
  }, 30_000);

  describe('on a broken copy of the project', () => {
    let copy: string;

    beforeAll(async () => {
      copy = await mkdtemp(join(tmpdir(), 'kkt-check-'));
      for (const entry of ['src/lib', 'src/content', 'scripts', 'package.json']) {
        await cp(join(root, entry), join(copy, entry), { recursive: true });
      }
      await symlink(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
    });

    afterAll(() => rm(copy, { recursive: true, force: true }));

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
