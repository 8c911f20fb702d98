/**
 * Synthetic dictionaries for the growth bench: a copy of the project whose competencies and roles
 * are generated from the real entries (same texts, so pages weigh what real ones weigh), at any size.
 * Glossary, source, narrative pages and UI strings stay the real ones, so the build checks and
 * renders exactly what it does for the site.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseFrontmatter } from '@astrojs/markdown-remark';

/** How big a synthetic dictionary is. */
export interface GrowthSize {
  competencies: number;
  roles: number;
}

type Frontmatter = Record<string, unknown>;

const run = promisify(execFile);

async function readEntries(folder: string): Promise<Frontmatter[]> {
  const files = (await readdir(folder)).filter((file) => file.endsWith('.mdx')).sort();
  const entries = await Promise.all(
    files.map(async (file) => parseFrontmatter(await readFile(path.join(folder, file), 'utf8')).frontmatter),
  );
  return entries.sort((a, b) => Number(a['order']) - Number(b['order']));
}

/** Frontmatter written as JSON, which is YAML too: quoting and nesting come for free. */
const mdx = (data: Frontmatter) => `---\n${JSON.stringify(data, null, 2)}\n---\n`;

/** A name made distinct by a number, in both languages. */
const numbered = (name: unknown, n: number) => {
  const { id, en } = name as { id: string; en?: string };
  return { id: `${id} ${n}`, ...(en ? { en: `${en} ${n}` } : {}) };
};

/**
 * The required level of role `r` for competency `c`: a fixed pattern with every level and "not
 * required" (null) represented, so role pages and the matrix carry a realistic mix.
 */
export const requiredLevel = (r: number, c: number): number | null => {
  const value = (r * 7 + c * 3) % 6;
  return value === 0 ? null : value;
};

/**
 * Writes the competency and role entries of a synthetic dictionary into `contentDir`, cycling
 * through the real entries of `realContentDir` for their texts.
 */
export async function writeSyntheticEntries(realContentDir: string, contentDir: string, size: GrowthSize) {
  const competencies = await readEntries(path.join(realContentDir, 'competencies'));
  const roles = await readEntries(path.join(realContentDir, 'roles'));
  const competencySlugs: string[] = [];
  await rm(path.join(contentDir, 'competencies'), { recursive: true, force: true });
  await rm(path.join(contentDir, 'roles'), { recursive: true, force: true });
  await mkdir(path.join(contentDir, 'competencies'), { recursive: true });
  await mkdir(path.join(contentDir, 'roles'), { recursive: true });
  for (let c = 0; c < size.competencies; c++) {
    const model = competencies[c % competencies.length]!;
    const slug = `kompetensi-${c + 1}`;
    competencySlugs.push(slug);
    const entry = { ...model, order: c + 1, name: numbered(model['name'], c + 1) };
    await writeFile(path.join(contentDir, 'competencies', `${slug}.mdx`), mdx(entry));
  }
  for (let r = 0; r < size.roles; r++) {
    const model = roles[r % roles.length]!;
    const requirements = Object.fromEntries(competencySlugs.map((slug, c) => [slug, requiredLevel(r, c)]));
    const entry = { ...model, order: r + 1, name: numbered(model['name'], r + 1), requirements };
    await writeFile(path.join(contentDir, 'roles', `peran-${r + 1}.mdx`), mdx(entry));
  } // The reviewed search aliases point at the real dictionary's indicators, which a synthetic one
  // does not have (the build refuses an alias to an unknown indicator): it keeps the file, empty.
  const aliasFile = path.join(contentDir, 'search-aliases', 'aliases.json');
  const aliases = JSON.parse(await readFile(aliasFile, 'utf8')) as { aliases: unknown[] };
  await writeFile(aliasFile, JSON.stringify({ ...aliases, aliases: [] }, null, 2));
}

/** The project files a build needs; content under src/content is then replaced in part. */
const PROJECT_FILES = ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json'];

/**
 * A temporary copy of the project with a synthetic dictionary of the given size, in the project's
 * git-ignored `.tmp/`: node_modules is hard-linked there (same file system), since Astro's build
 * does not follow a symlinked node_modules. Returns its folder; the caller removes it.
 */
export async function syntheticProject(projectRoot: string, size: GrowthSize): Promise<string> {
  await mkdir(path.join(projectRoot, '.tmp'), { recursive: true });
  const dir = await mkdtemp(path.join(projectRoot, '.tmp', `growth-${size.competencies}-`));
  for (const entry of PROJECT_FILES)
    await cp(path.join(projectRoot, entry), path.join(dir, entry), { recursive: true });
  await run('cp', ['-al', path.join(projectRoot, 'node_modules'), path.join(dir, 'node_modules')]);
  await writeSyntheticEntries(path.join(projectRoot, 'src', 'content'), path.join(dir, 'src', 'content'), size);
  return dir;
}
