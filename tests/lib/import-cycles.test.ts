// No module of the project imports itself through others: a cycle makes load order matter and
// ties pieces that should stand alone (the bench and its parts, the model and its checks).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { expect, test } from 'vitest';
import { projectRoot } from '../support/seed.ts';

const SOURCE = /\.(ts|tsx|mts|mjs|js|astro)$/;

/** The project's own source files (tracked by git), relative to the root. */
const files = execFileSync('git', ['ls-files'], { cwd: projectRoot, encoding: 'utf8' })
  .split('\n')
  .filter((file) => SOURCE.test(file) && existsSync(path.join(projectRoot, file)));

/** The script part of a file: an Astro component's frontmatter, or the whole file. */
function scriptOf(file: string, text: string): string {
  if (!file.endsWith('.astro')) return text;
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  return match?.[1] ?? '';
}

/** The project files a file imports (relative specifiers only; packages are not ours). */
function importsOf(file: string): string[] {
  const text = scriptOf(file, readFileSync(path.join(projectRoot, file), 'utf8'));
  const { importedFiles } = ts.preProcessFile(text, true, true);
  return importedFiles
    .map(({ fileName }) => fileName)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)))
    .filter((target) => files.includes(target));
}

/** Every cycle's files, found by a depth-first walk (each cycle reported once, from where it was entered). */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return found;
}

test('the walk finds a cycle when there is one (so an empty result means something)', () => {
  const graph = new Map([
    ['a.ts', ['b.ts']],
    ['b.ts', ['c.ts']],
    ['c.ts', ['a.ts']],
    ['d.ts', ['a.ts']],
  ]);
  expect(cycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
  expect(cycles(new Map([['a.ts', ['b.ts']]]))).toEqual([]);
});

test('no import cycles among the project’s modules', () => {
  expect(files.length).toBeGreaterThan(50);
  const graph = new Map(files.map((file) => [file, importsOf(file)]));
  // Sanity: imports are resolved (the model imports its checks).
  expect(graph.get('src/lib/model.ts')).toContain('src/lib/validate.ts');
  expect(cycles(graph).map((cycle) => cycle.join(' → '))).toEqual([]);
});
