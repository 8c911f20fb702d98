/**
 * The one content validator. Reads every collection under `src/content` straight from the files,
 * as written, and checks them: `npm run check` and the build's first step
 * (`src/integrations/content-check.ts`, before Astro syncs the content) call `checkContent`, and
 * tests call it on fixtures. Views never read the dictionary this way: pages, open data and search
 * records take it from the content collections (`content.ts`).
 */
import { readdir, readFile } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { extractFrontmatter } from '@astrojs/markdown-remark';
import type { ZodType } from 'astro/zod';
import yaml from 'js-yaml';
import { buildDictionary, type Dictionary, type DictionaryInput, type EntryInput } from './model.ts';
import { PHONE_PATTERN } from './phone.ts';
import { competencySchema, roleSchema, sourceSchema, termSchema } from './schema.ts';
import { ContentError, type ContentIssue } from './validate.ts';

/** The dictionary's collections: folder under the content root and frontmatter schema. */
export const COLLECTION_SCHEMAS = {
  competencies: competencySchema,
  roles: roleSchema,
  glossary: termSchema,
  source: sourceSchema,
} as const satisfies Record<keyof DictionaryInput, ZodType>;

/** The outcome of a check: every issue found, and the dictionary when there were none. */
export interface CheckResult {
  issues: ContentIssue[];
  dictionary?: Dictionary;
}

/** js-yaml's types carry their tag at run time; its type declarations leave it out. */
type TaggedType = yaml.Type & { tag: string };
type DefinedSchema = { implicit: TaggedType[]; explicit: TaggedType[] };
const { implicit, explicit } = yaml.DEFAULT_SCHEMA as unknown as DefinedSchema;
/**
 * The YAML schema Astro parses frontmatter with (js-yaml's default) less timestamps, so a date
 * reaches the zod schema as written: js-yaml would turn 2022-11-31 into 1 December without a word.
 */
const AS_WRITTEN = new yaml.Schema({
  implicit: implicit.filter((type) => type.tag !== 'tag:yaml.org,2002:timestamp'),
  explicit,
});

/** A file name an entry of a dictionary collection may have: its id, then `.mdx`. */
const ENTRY_FILE = /^[a-z0-9]+(?:-[a-z0-9]+)*\.mdx$/;
/** Extensions Astro's loaders read as entries (Starlight's docs: md, mdx, mdoc; i18n: json, yaml). */
const ENTRY_EXTENSIONS = new Set(['.md', '.mdx', '.mdoc', '.json', '.yaml', '.yml']);

/** The slug Astro derives from a path: letter case and extension do not count. */
const slugOf = (path: string) => path.slice(0, path.length - extname(path).length).toLowerCase();
/** A file name turned into a valid entry id, for the hint. */
const suggestedName = (name: string) =>
  `${slugOf(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}.mdx`;

/** Orders paths by slug, then name: `asn.mdx` comes before `asn-2.mdx`, which then repeats it. */
const bySlug = (a: string, b: string) => {
  const [slugA, slugB] = [slugOf(a), slugOf(b)];
  if (slugA !== slugB) return slugA < slugB ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
};

/** Every file under `dir`, as paths relative to it, by slug; hidden files left out. */
async function listFiles(dir: string, recursive: boolean): Promise<string[]> {
  const found = await readdir(dir, { withFileTypes: true, recursive }).catch(() => []);
  return found
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort(bySlug);
}

/** Every string in a parsed value, with its dotted path. */
function* strings(value: unknown, path: string[] = []): Generator<[string, string]> {
  if (typeof value === 'string') yield [path.join('.'), value];
  else if (Array.isArray(value))
    for (const [index, item] of value.entries()) yield* strings(item, [...path, `${index}`]);
  else if (value && typeof value === 'object' && !(value instanceof Date))
    for (const [key, item] of Object.entries(value)) yield* strings(item, [...path, key]);
}

const PHONE_MESSAGE =
  'contains a phone number; the site publishes none (the letter’s contact number is left out on purpose): remove it, or point to a web address';

/** The parsed content of one file: its data (frontmatter or JSON/YAML) and its Markdown body. */
interface Parsed {
  data: unknown;
  body?: { text: string; firstLine: number };
}

/** Parses a file as Astro's loaders would, except that YAML keeps dates as written. */
function parse(text: string, extension: string): Parsed {
  if (extension === '.json') return { data: JSON.parse(text) };
  if (extension === '.yaml' || extension === '.yml') return { data: yaml.load(text, { schema: AS_WRITTEN }) };
  const raw = extractFrontmatter(text);
  if (raw === undefined) return { data: {}, body: { text, firstLine: 1 } };
  const data = yaml.load(raw, { schema: AS_WRITTEN });
  const end = text.indexOf(raw) + raw.length + 3;
  return {
    data: data && typeof data === 'object' ? data : {},
    body: { text: text.slice(end), firstLine: text.slice(0, end).split('\n').length },
  };
}

/** The problems a file's parse error amounts to, worded for an editor. */
function parseIssue(file: string, extension: string, error: unknown): ContentIssue {
  const first = (error as Error).message.split('\n')[0];
  const what = extension === '.json' ? 'the file is not valid JSON' : 'frontmatter is not valid YAML';
  return { file, field: '', message: `${what}: ${first}` };
}

/** Phone numbers anywhere in a file's data or body. */
function phoneIssues(file: string, { data, body }: Parsed): ContentIssue[] {
  const issues: ContentIssue[] = [];
  for (const [field, text] of strings(data)) {
    if (PHONE_PATTERN.test(text)) issues.push({ file, field, message: PHONE_MESSAGE });
  }
  body?.text.split('\n').forEach((line, index) => {
    if (PHONE_PATTERN.test(line))
      issues.push({ file, field: `body, line ${body.firstLine + index}`, message: PHONE_MESSAGE });
  });
  return issues;
}

/**
 * Files of one collection that would share a slug (`roles/Helpdesk.mdx` beside `helpdesk.mdx`):
 * one issue for each but one, keeping a correctly named (or at least lowercase) file.
 */
function slugIssues(collectionDir: string, root: string, paths: string[]): Map<string, ContentIssue> {
  const bySlug = Map.groupBy(
    paths.filter((path) => ENTRY_EXTENSIONS.has(extname(path).toLowerCase())),
    slugOf,
  );
  const issues = new Map<string, ContentIssue>();
  for (const [slug, group] of bySlug) {
    if (group.length < 2) continue;
    const kept =
      group.find((path) => ENTRY_FILE.test(path.split('/').at(-1)!)) ??
      group.find((path) => path === path.toLowerCase()) ??
      group[0]!;
    const keptFile = relative(root, join(collectionDir, kept));
    for (const path of group.filter((other) => other !== kept)) {
      issues.set(path, {
        file: relative(root, join(collectionDir, path)),
        field: 'file name',
        message: `has the same slug "${slug}" as ${keptFile} (letter case and extension do not tell entries apart, so both would be one page); merge the two files or give this one another name`,
      });
    }
  }
  return issues;
}

/** Reads one dictionary collection: each file's name, YAML, schema and phone numbers. */
async function loadDictionaryFolder<T>(
  root: string,
  dir: string,
  schema: ZodType<T>,
  issues: ContentIssue[],
): Promise<EntryInput<T>[]> {
  const names = await listFiles(dir, false);
  const collisions = slugIssues(dir, root, names);
  const entries: EntryInput<T>[] = [];
  for (const name of names) {
    const file = relative(root, join(dir, name));
    const collision = collisions.get(name);
    if (collision) {
      issues.push(collision);
      continue;
    }
    if (!ENTRY_FILE.test(name)) {
      issues.push({
        file,
        field: 'file name',
        message: name.endsWith('.mdx')
          ? `the file name becomes the entry's id and URL, so it must be lowercase letters, digits and single dashes; rename it to "${suggestedName(name)}"`
          : `only .mdx files are read as entries here; rename it to "${suggestedName(name)}" or move it out of the folder`,
      });
      continue;
    }
    let parsed: Parsed;
    try {
      parsed = parse(await readFile(join(dir, name), 'utf8'), '.mdx');
    } catch (error) {
      issues.push(parseIssue(file, '.mdx', error));
      continue;
    }
    const result = schema.safeParse(parsed.data);
    if (result.success) entries.push({ id: name.replace(/\.mdx$/, ''), file, data: result.data });
    else
      for (const issue of result.error.issues)
        issues.push({ file, field: issue.path.join('.'), message: issue.message });
    issues.push(...phoneIssues(file, parsed));
  }
  return entries;
}

/** Checks a collection with no dictionary schema (docs pages, UI strings): slugs, syntax, phone numbers. */
async function checkOtherFolder(root: string, dir: string, issues: ContentIssue[]): Promise<void> {
  const paths = await listFiles(dir, true);
  const collisions = slugIssues(dir, root, paths);
  for (const path of paths) {
    const extension = extname(path).toLowerCase();
    if (!ENTRY_EXTENSIONS.has(extension)) continue;
    const file = relative(root, join(dir, path));
    const collision = collisions.get(path);
    if (collision) issues.push(collision);
    try {
      issues.push(...phoneIssues(file, parse(await readFile(join(dir, path), 'utf8'), extension)));
    } catch (error) {
      issues.push(parseIssue(file, extension, error));
    }
  }
}

/**
 * Validates every entry under `<root>/src/content` and, when all are valid, builds the dictionary.
 * Checks across entries (references, repeated names) run once every entry passes its own schema.
 * @param root the project root (the folder that holds `src/`).
 */
export async function checkContent(root: string): Promise<CheckResult> {
  const contentDir = join(root, 'src', 'content');
  const issues: ContentIssue[] = [];
  const load = <T>(folder: keyof DictionaryInput, schema: ZodType<T>) =>
    loadDictionaryFolder(root, join(contentDir, folder), schema, issues);
  const input: DictionaryInput = {
    competencies: await load('competencies', COLLECTION_SCHEMAS.competencies),
    roles: await load('roles', COLLECTION_SCHEMAS.roles),
    glossary: await load('glossary', COLLECTION_SCHEMAS.glossary),
    source: await load('source', COLLECTION_SCHEMAS.source),
  };
  const folders = await readdir(contentDir, { withFileTypes: true }).catch(() => []);
  for (const folder of folders.filter((entry) => entry.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!(folder.name in COLLECTION_SCHEMAS)) await checkOtherFolder(root, join(contentDir, folder.name), issues);
  }
  if (issues.length > 0) return { issues };
  try {
    return { issues, dictionary: buildDictionary(input) };
  } catch (error) {
    if (error instanceof ContentError) return { issues: [...error.issues] };
    throw error;
  }
}
