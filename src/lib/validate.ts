/**
 * Checks that span entries (a role naming an unknown competency, an unknown glossary key, …).
 * Per-entry rules live in the zod schemas; both report the file and the field, so an editor can
 * go straight to the mistake.
 */
import type { CompetencyData, RoleData, SourceData, TermData } from './schema.ts';

/** One parsed entry as a loader hands it over: its key, its file (for messages) and its data. */
export interface EntryInput<T> {
  id: string;
  file: string;
  data: T;
}

/** Every collection of the dictionary, as parsed frontmatter. */
export interface DictionaryInput {
  competencies: EntryInput<CompetencyData>[];
  roles: EntryInput<RoleData>[];
  glossary: EntryInput<TermData>[];
  source: EntryInput<SourceData>[];
}

/** One problem in the content, located by file and dotted field path. */
export interface ContentIssue {
  file: string;
  field: string;
  message: string;
}

/** Formats issues one per line as `file › field: message`. */
export function formatIssues(issues: readonly ContentIssue[]): string {
  return issues.map(({ file, field, message }) => `${file} › ${field || '(entry)'}: ${message}`).join('\n');
}

/** The whole report `npm run check` and the build print: a count, then one line per issue. */
export function formatReport(issues: readonly ContentIssue[]): string {
  return `✗ The dictionary content has ${issues.length} problem(s):\n${formatIssues(issues)}`;
}

/** Thrown when the content cannot form a dictionary; the message lists every issue. */
export class ContentError extends Error {
  readonly issues: readonly ContentIssue[];
  constructor(issues: readonly ContentIssue[]) {
    super(`The dictionary content has ${issues.length} problem(s):\n${formatIssues(issues)}`);
    this.name = 'ContentError';
    this.issues = issues;
  }
}

/** Lists keys for a hint, e.g. `"a", "b"`. */
const known = (keys: Iterable<string>) => [...keys].map((key) => `"${key}"`).join(', ');

/** Finds the problems no single entry's schema can see. */
export function crossCheck(input: DictionaryInput): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const competencies = new Set(input.competencies.map((entry) => entry.id));
  const terms = new Set(input.glossary.map((entry) => entry.id));
  const prerequisites = new Set(input.source.flatMap((entry) => entry.data.prerequisites.map((p) => p.key)));

  if (input.source.length !== 1) {
    const files = input.source.map((entry) => entry.file).join(', ');
    issues.push({
      file: 'src/content/source/',
      field: '',
      message: `expected exactly one source-document entry, found ${input.source.length}${files ? `: ${files}` : ''}`,
    });
  }
  if (input.competencies.length === 0) {
    issues.push({ file: 'src/content/competencies/', field: '', message: 'no competency entries found' });
  }

  for (const [name, entries] of [
    ['competency', input.competencies],
    ['role', input.roles],
  ] as const) {
    const seen = new Map<number, string>();
    for (const { file, data } of entries) {
      const other = seen.get(data.order);
      if (other)
        issues.push({ file, field: 'order', message: `order ${data.order} is already used by ${name} ${other}` });
      else seen.set(data.order, file);
    }
  }

  // A term or alias is how readers look an entry up: two entries under one name would be ambiguous.
  const names = new Map<string, { file: string; field: string }>();
  for (const { file, data } of input.glossary) {
    const named: [field: string, name: string][] = [
      ['term', data.term],
      ...data.aliases.map((alias, a): [string, string] => [`aliases.${a}`, alias]),
    ];
    for (const [field, name] of named) {
      const normalized = name.replace(/\s+/g, ' ').toLocaleLowerCase('id');
      const first = names.get(normalized);
      if (!first) names.set(normalized, { file, field });
      else
        issues.push({
          file,
          field,
          message:
            first.file === file
              ? `"${name}" repeats ${first.field} of this entry; remove the repeat`
              : `"${name}" is already defined by ${first.file} (${first.field}); a term or alias names one entry, so merge the two entries or remove this one`,
        });
    }
  }

  for (const { file, data } of input.roles) {
    for (const key of Object.keys(data.requirements)) {
      // With no competency entries at all, that one issue above says everything.
      if (competencies.size > 0 && !competencies.has(key)) {
        issues.push({
          file,
          field: `requirements.${key}`,
          message: `unknown competency "${key}"; known competencies: ${known(competencies)}`,
        });
      }
    }
    for (const key of competencies) {
      if (!(key in data.requirements)) {
        issues.push({
          file,
          field: `requirements.${key}`,
          message: `no requirement stated for competency "${key}"; write \`${key}: null\` if the role does not require it`,
        });
      }
    }
    data.eligibility.forEach(({ status, positions }, index) => {
      for (const [field, key] of [
        [`eligibility.${index}.status`, status],
        ...positions.map((position, p) => [`eligibility.${index}.positions.${p}`, position] as const),
      ] as const) {
        if (!terms.has(key)) {
          issues.push({
            file,
            field,
            message: `unknown glossary term "${key}"; add src/content/glossary/${key}.mdx or use one of ${known(terms)}`,
          });
        }
      }
    });
    data.prerequisites.forEach((key, index) => {
      if (input.source.length === 1 && !prerequisites.has(key)) {
        issues.push({
          file,
          field: `prerequisites.${index}`,
          message: `unknown prerequisite "${key}"; declare it under \`prerequisites\` in the source entry (known: ${known(prerequisites)})`,
        });
      }
    });
  }
  return issues;
}
