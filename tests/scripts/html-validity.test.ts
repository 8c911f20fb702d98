// Every built page is valid HTML for the Nu Html Checker (vnu.jar on the machine's Java).
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { nuErrors } from '../../scripts/lib/nu-checker.ts';
import { projectRoot } from '../support/seed.ts';
import { builtPages, distDir } from '../support/site.ts';

let scratch: string;
beforeAll(async () => {
  await mkdir(path.join(projectRoot, '.tmp'), { recursive: true });
  scratch = await mkdtemp(path.join(projectRoot, '.tmp', 'vnu-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

test('the checker reports an invalid page, naming the file and the problem', async () => {
  const file = path.join(scratch, 'broken.html');
  await writeFile(
    file,
    '<!doctype html><html lang="id"><title>x</title><p><div>blok</div></p><script aria-hidden="true"></script></html>',
  );
  const errors = await nuErrors([file]);
  expect(errors.map(({ file: name }) => path.basename(name))).toContain('broken.html');
  expect(errors.some(({ message }) => message.includes('aria-hidden'))).toBe(true);
  expect(errors.some(({ message }) => /No “p” element in scope/.test(message))).toBe(true);
}, 60_000);

test('no built page has an HTML error: both languages, every page type, at the root and under a base path', async () => {
  const pages = builtPages();
  expect(pages.some((page) => page.path.startsWith('/en/'))).toBe(true);
  const baseBuild = path.join(projectRoot, 'dist-base');
  if (!existsSync(path.join(baseBuild, 'index.html'))) {
    throw new Error('dist-base/ has no built site. Run `npm run build:base` first (`npm test` does).');
  }
  const errors = await nuErrors([distDir, baseBuild]);
  expect(errors.map(({ file, line, message }) => `${file}:${line}: ${message}`)).toEqual([]);
}, 120_000);
