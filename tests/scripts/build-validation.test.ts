// `npm run build` refuses broken content and names the file and the field (schema and cross-entry errors).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify, stripVTControlCharacters } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
let copy: string;

/** Builds the copy and returns everything Astro printed; the build is expected to fail. */
async function failingBuild(): Promise<string> {
  const astro = join(copy, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const result = await run(process.execPath, [astro, 'build'], {
    cwd: copy,
    env: { ...process.env, FORCE_COLOR: '0' },
  }).then(
    (ok) => ({ failed: false, output: ok.stdout + ok.stderr }),
    (error: { stdout: string; stderr: string }) => ({ failed: true, output: error.stdout + error.stderr }),
  );
  expect(result.failed, 'the build should have failed').toBe(true);
  return stripVTControlCharacters(result.output);
}

const edited = new Set<string>();

async function edit(file: string, from: string, to: string) {
  const path = join(copy, file);
  edited.add(file);
  const text = await readFile(path, 'utf8');
  expect(text).toContain(from);
  await writeFile(path, text.replace(from, to));
}

beforeAll(async () => {
  // Inside the project, so node_modules can be hard-linked (same file system) instead of copied.
  await mkdir(join(root, '.tmp'), { recursive: true });
  copy = await mkdtemp(join(root, '.tmp', 'build-'));
  for (const entry of ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    if (!existsSync(join(root, entry))) continue;
    await cp(join(root, entry), join(copy, entry), { recursive: true });
  }
  await run('cp', ['-al', join(root, 'node_modules'), join(copy, 'node_modules')]);
}, 120_000);

// Each test breaks one thing: put the edited files back from the project afterwards.
afterEach(async () => {
  for (const file of edited) await cp(join(root, file), join(copy, file));
  edited.clear();
});

afterAll(() => rm(copy, { recursive: true, force: true }));

describe('astro build with broken content', () => {
  test('a schema error names the entry, the field and the rule', async () => {
    await edit('src/content/competencies/aplikasi-spse.mdx', "no: '2.3'", "no: '2.4'");
    const output = await failingBuild();
    expect(output).toContain('competencies → aplikasi-spse');
    expect(output).toContain('levels.1.indicators.2.no: indicator "2.4" is out of sequence: expected "2.3"');
    expect(output).toContain('src/content/competencies/aplikasi-spse.mdx');
  }, 120_000);

  test('a cross-entry error names the file and the field', async () => {
    await edit('src/content/roles/helpdesk.mdx', 'aplikasi-spse: 2', 'aplikasi: 2');
    const output = await failingBuild();
    expect(output).toContain('src/content/roles/helpdesk.mdx › requirements.aplikasi: unknown competency "aplikasi"');
    expect(output).toContain('src/content/roles/helpdesk.mdx › requirements.aplikasi-spse: no requirement stated');
  }, 120_000);
});
