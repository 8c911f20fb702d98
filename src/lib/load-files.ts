/**
 * Reads the dictionary straight from `src/content/**.mdx` with the frontmatter parser Astro uses,
 * for `npm run check` and unit tests: validation without building the site.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { ZodType } from 'astro/zod';
import { buildDictionary, type Dictionary, type DictionaryInput, type EntryInput } from './model.ts';
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

async function loadFolder<T>(
  root: string,
  contentDir: string,
  folder: string,
  schema: ZodType<T>,
  issues: ContentIssue[],
) {
  const dir = join(contentDir, folder);
  const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith('.mdx')).sort();
  const entries: EntryInput<T>[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const file = relative(root, path);
    let frontmatter: unknown;
    try {
      frontmatter = parseFrontmatter(await readFile(path, 'utf8')).frontmatter;
    } catch (error) {
      issues.push({
        file,
        field: '',
        message: `frontmatter is not valid YAML: ${(error as Error).message.split('\n')[0]}`,
      });
      continue;
    }
    const parsed = schema.safeParse(frontmatter);
    if (parsed.success) {
      entries.push({ id: name.replace(/\.mdx$/, ''), file, data: parsed.data });
    } else {
      for (const issue of parsed.error.issues) {
        issues.push({ file, field: issue.path.join('.'), message: issue.message });
      }
    }
  }
  return entries;
}

/**
 * Validates every entry under `<root>/src/content` and, when all are valid, builds the dictionary.
 * @param root the project root (the folder that holds `src/`).
 */
export async function checkContent(root: string): Promise<CheckResult> {
  const contentDir = join(root, 'src', 'content');
  const issues: ContentIssue[] = [];
  const input: DictionaryInput = {
    competencies: await loadFolder(root, contentDir, 'competencies', COLLECTION_SCHEMAS.competencies, issues),
    roles: await loadFolder(root, contentDir, 'roles', COLLECTION_SCHEMAS.roles, issues),
    glossary: await loadFolder(root, contentDir, 'glossary', COLLECTION_SCHEMAS.glossary, issues),
    source: await loadFolder(root, contentDir, 'source', COLLECTION_SCHEMAS.source, issues),
  };
  if (issues.length > 0) return { issues };
  try {
    return { issues, dictionary: buildDictionary(input) };
  } catch (error) {
    if (error instanceof ContentError) return { issues: [...error.issues] };
    throw error;
  }
}
