// The link check that ends `npm run build`: quiet on the real build, and names each broken link and its page.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { projectRoot } from '../support/seed.ts';
import { distDir } from '../support/site.ts';

const run = promisify(execFile);
let copy: string;

/** Runs the link check on the copy; returns its exit code and what it printed. */
async function checkLinks(): Promise<{ code: number; output: string }> {
  const script = path.join(projectRoot, 'scripts', 'check-links.ts');
  return run(process.execPath, [script, `--dist=${copy}`], {
    cwd: projectRoot,
    env: { ...process.env, BASE: '' },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      output: error.stdout + error.stderr,
    }),
  );
}

/** Adds links at the start of a built page's main content. */
async function addLinks(page: string, links: string[]) {
  const file = path.join(copy, page, 'index.html');
  const html = await readFile(file, 'utf8');
  expect(html).toContain('<h1');
  await writeFile(file, html.replace('<h1', `${links.map((href) => `<a href="${href}">x</a>`).join('')}<h1`));
}

beforeAll(async () => {
  await mkdir(path.join(projectRoot, '.tmp'), { recursive: true });
  copy = await mkdtemp(path.join(projectRoot, '.tmp', 'links-'));
  await cp(distDir, copy, { recursive: true });
});
afterAll(() => rm(copy, { recursive: true, force: true }));

test('the build as it is passes, having checked links on every page', async () => {
  const { code, output } = await checkLinks();
  expect(output).toMatch(/✓ Links: \d+ links and fragments on \d+ pages resolve/);
  expect(code).toBe(0);
}, 60_000);

test('broken pages and fragments in either language fail, each named with the page it is on', async () => {
  await addLinks('kompetensi', ['/kompetensi/layanan-lpse/#indikator-9-9', '/kompetensi/layanan-lpse/#indikator-1-1']);
  // An English page: a missing page given as an absolute URL of the site, and a missing fragment.
  await addLinks('en/peran/helpdesk', [
    'https://kamus-lpse.example.org/en/peran/tidak-ada/',
    '/en/kompetensi/aplikasi-spse/#level-9',
  ]);
  const { code, output } = await checkLinks();
  expect(code).toBe(1);
  const reported = output.split('\n').filter((line) => /^\S+ -> /.test(line));
  expect(reported).toEqual([
    '/en/peran/helpdesk/ -> /en/kompetensi/aplikasi-spse/#level-9 (no element with this id)',
    '/en/peran/helpdesk/ -> /en/peran/tidak-ada/ (HTTP 404)',
    '/kompetensi/ -> /kompetensi/layanan-lpse/#indikator-9-9 (no element with this id)',
  ]);
  expect(output).toContain('Hint:');
}, 60_000);
