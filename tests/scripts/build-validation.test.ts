// `astro build` on a copy of the project: the real site builds with no warning, and broken content
// stops the build with the content check's own `file › field: message` lines, every problem at once
// (schema, YAML and cross-entry alike), no stack trace, exit code 1.
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify, stripVTControlCharacters } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
let copy: string;

/** The environment as from a shell: without what Vitest sets (NODE_ENV=test would build drafts, as dev does). */
const vitestFree = () =>
  Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(NODE_ENV|TEST|VITEST.*|MODE|BASE_URL|PROD|DEV|SSR)$/.test(name)),
  );

/** Builds the copy; returns whether it failed and everything Astro printed, one entry per line. */
async function build(): Promise<{ failed: boolean; code: number; lines: string[]; output: string }> {
  const astro = join(copy, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const result = await run(process.execPath, [astro, 'build'], {
    cwd: copy,
    env: { ...vitestFree(), FORCE_COLOR: '0' },
  }).then(
    (ok) => ({ failed: false, code: 0, output: ok.stdout + ok.stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      failed: true,
      code: error.code,
      output: error.stdout + error.stderr,
    }),
  );
  const output = stripVTControlCharacters(result.output);
  return { ...result, output, lines: output.split('\n') };
}

/** Builds the copy expecting the content check to stop it; returns the printed lines. */
async function failingBuild(): Promise<string[]> {
  const { failed, code, lines, output } = await build();
  expect(failed, 'the build should have failed').toBe(true);
  expect(code).toBe(1);
  // The check's report and nothing of Astro's own error format or a stack trace.
  expect(output).not.toMatch(/^\s+at /m);
  expect(output).not.toContain('InvalidContentEntryDataError');
  expect(output).not.toContain('[ERROR]');
  return lines;
}

const edited = new Set<string>();

/** Replaces the one match of `from` in a file of the copy. */
async function edit(file: string, from: string | RegExp, to: string) {
  const path = join(copy, file);
  edited.add(file);
  const text = await readFile(path, 'utf8');
  expect(text).toMatch(from);
  await writeFile(path, text.replace(from, to));
}

/** Adds a file to the copy (removed again after the test). */
async function add(file: string, text: string) {
  added.add(file);
  await writeFile(join(copy, file), text);
}
const added = new Set<string>();

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

// Each test breaks some things: put the edited files back from the project, remove added ones.
afterEach(async () => {
  for (const file of edited) await cp(join(root, file), join(copy, file));
  for (const file of added) await rm(join(copy, file), { force: true });
  edited.clear();
  added.clear();
});

afterAll(() => rm(copy, { recursive: true, force: true }));

const PHONE =
  'contains a phone number; the site publishes none (the letter’s contact number is left out on purpose): remove it, or point to a web address';

describe('astro build', () => {
  test('of the real site prints no warning', async () => {
    const { failed, output, lines } = await build();
    expect(failed, output).toBe(false);
    expect(output).toContain('Complete!');
    expect(lines.filter((line) => /warn|deprecat/i.test(line))).toEqual([]);
  }, 180_000);

  test('of the real site, then its preview (`npm start`), prints no warning', async () => {
    // Serves the build of the test above on a free port, stopped once it says where it listens.
    const server = spawn(
      process.execPath,
      [join(copy, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'preview', '--port', '0'],
      {
        cwd: copy,
        env: { ...vitestFree(), FORCE_COLOR: '0' },
      },
    );
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`preview did not start:\n${output}`)), 60_000);
      const listen = (chunk: Buffer) => {
        output += chunk.toString();
        if (/Local\s+http/.test(stripVTControlCharacters(output))) {
          clearTimeout(timer);
          resolve();
        }
      };
      server.stdout.on('data', listen);
      server.stderr.on('data', listen);
    }).finally(() => server.kill());
    const lines = stripVTControlCharacters(output).split('\n');
    expect(lines.filter((line) => /warn|deprecat|error/i.test(line))).toEqual([]);
  }, 90_000);

  test('with broken entries lists every problem as the content check does', async () => {
    const SOURCE = 'src/content/source/kkt-sk-pengelola-lpse.mdx';
    // A role copied under another letter case.
    await add('src/content/roles/Helpdesk.mdx', await readFile(join(root, 'src/content/roles/helpdesk.mdx'), 'utf8'));
    // A schema error, a half-translated indicator, the draft's blank code transcribed literally.
    await edit('src/content/competencies/aplikasi-spse.mdx', "no: '2.3'", "no: '2.4'");
    await edit('src/content/competencies/aplikasi-spse.mdx', /(no: '1\.1'\n\s+text:\n\s+id: .*\n)\s+en: .*\n/, '$1');
    await edit('src/content/competencies/layanan-lpse.mdx', 'code: null', "code: '…..'");
    // A date the calendar does not have, a repeated legal-basis key, a phone number.
    await edit(SOURCE, 'date: 2022-11-04', 'date: 2022-11-31');
    await edit(SOURCE, 'key: peraturan-lkpp-7-2021', 'key: perpres-12-2021');
    await edit(SOURCE, /channel: .*/, 'channel: WhatsApp 0812-0000-0000');
    // Invalid YAML, and a phone number in a narrative page.
    await edit('src/content/glossary/asn.mdx', 'term: ASN', 'term: ASN: x');
    const page = 'src/content/docs/tentang.mdx';
    edited.add(page);
    await appendFile(join(copy, page), '\nHubungi 0812 0000 0000.\n');
    const phoneLine = (await readFile(join(copy, page), 'utf8')).split('\n').findIndex((l) => l.includes('0812')) + 1;

    const lines = await failingBuild();
    const report = lines.slice(lines.findIndex((line) => line.startsWith('✗ The dictionary content has')));
    expect(report.slice(0, 10)).toEqual([
      '✗ The dictionary content has 9 problem(s):',
      'src/content/competencies/aplikasi-spse.mdx › levels.0.indicators.0.text.en: the English text is missing; add `en:` with the translation',
      'src/content/competencies/aplikasi-spse.mdx › levels.1.indicators.2.no: indicator "2.4" is out of sequence: expected "2.3" (numbers run 1, 2, 3 … without gaps)',
      'src/content/competencies/layanan-lpse.mdx › code: "….." is a placeholder, not a code; write `code: null` while the draft leaves the code blank',
      'src/content/roles/Helpdesk.mdx › file name: has the same slug "helpdesk" as src/content/roles/helpdesk.mdx (letter case and extension do not tell entries apart, so both would be one page); merge the two files or give this one another name',
      expect.stringMatching(
        /^src\/content\/glossary\/asn\.mdx › \(entry\): frontmatter is not valid YAML: .+ \(\d+:\d+\)$/,
      ),
      `${SOURCE} › date: 2022-11-31 is not a calendar date: November 2022 has 30 days; check the day and the month`,
      `${SOURCE} › legalBasis.1.key: key "perpres-12-2021" is already used by legalBasis.0.key; the key is the law's link anchor (#key) on the page, so give each law its own`,
      `${SOURCE} › consultation.channel: ${PHONE}`,
      `${page} › body, line ${phoneLine}: ${PHONE}`,
    ]);
  }, 180_000);

  test('with entries that contradict each other names the file and the field', async () => {
    await edit('src/content/roles/helpdesk.mdx', 'aplikasi-spse: 2', 'aplikasi: 2');
    await add('src/content/glossary/asn-2.mdx', await readFile(join(root, 'src/content/glossary/asn.mdx'), 'utf8'));
    const lines = await failingBuild();
    expect(lines).toContain('✗ The dictionary content has 3 problem(s):');
    expect(lines).toContain(
      'src/content/glossary/asn-2.mdx › term: "ASN" is already defined by src/content/glossary/asn.mdx (term); a term or alias names one entry, so merge the two entries or remove this one',
    );
    expect(lines).toContain(
      'src/content/roles/helpdesk.mdx › requirements.aplikasi: unknown competency "aplikasi"; known competencies: "aplikasi-spse", "keamanan-informasi", "layanan-lpse"',
    );
    expect(lines).toContain(
      'src/content/roles/helpdesk.mdx › requirements.aplikasi-spse: no requirement stated for competency "aplikasi-spse"; write `aplikasi-spse: null` if the role does not require it',
    );
  }, 180_000);
});
