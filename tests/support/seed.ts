// Parses the source draft (the seed markdown transcription of LKPP's letter) into competencies, roles and the leveling table, independently of src/content.
/**
 * The seed is a PDF-to-markdown transcription of LKPP's letter 28402/D.3.1/11/2022 and its
 * attached draft, with the usual conversion noise: tables are tab-separated rows, cells hold
 * HTML fragments (`<p>`, `<ol>`, `<li>`, `<i>`, `<b>`), rows are split across page breaks
 * (continuation lines start with empty cells), "DRAFT" watermarks sit between rows, and the same
 * list is sometimes tagged (`<p>1.1 …</p>`) and sometimes plain (`1.1 … 1.2 …`).
 *
 * This parser reads it structurally (headings, row labels and sequential numbering) and never
 * consults the site's content files, so tests can compare the site against the source itself.
 * Texts are returned with HTML stripped (italics kept as `*word*`, as in the content files) and
 * whitespace collapsed, punctuation untouched; compare them with `normalize`.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PHONE_PATTERN } from '../../src/lib/phone.ts';

/** The project root (the folder holding `src/` and `tests/`). */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Where the seed lives: `$KKT_SEED`, or `../shared/seed/…` next to the project. */
export function seedPath(): string {
  return process.env.KKT_SEED
    ? path.resolve(process.env.KKT_SEED)
    : path.resolve(projectRoot, '../shared/seed/kkt-sk-pengelola-lpse-draft-2022-11-04.md');
}

/** The seed's raw text; throws a clear error when the file is missing. */
export function readSeedText(file: string = seedPath()): string {
  if (!existsSync(file)) {
    throw new Error(
      `Seed document not found at ${file}. The source-fidelity tests compare the site with LKPP's draft ` +
        `(kkt-sk-pengelola-lpse-draft-2022-11-04.md); put it there or point KKT_SEED at it.`,
    );
  }
  return readFileSync(file, 'utf8');
}

/**
 * Makes source text and site text comparable: drops HTML tags and italics markers (`<i>…</i>` in
 * the seed, `*…*` in content files), decodes the few entities that can occur, collapses all
 * whitespace, removes whitespace before closing punctuation (the seed has "<i>upgrade</i> ,") and
 * after opening brackets, and drops trailing periods and semicolons (the role sections end every
 * indicator with "." where the dictionary section does not). Case and inner punctuation are kept.
 */
export function normalize(text: string): string {
  return text
    .normalize('NFC')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\*/g, '')
    .replace(/[\s\u00a0\u200b]+/g, ' ')
    .replace(/ ([,.;:!?)\]])/g, '$1')
    .replace(/([([]) /g, '$1')
    .trim()
    .replace(/[\s.;]+$/, '');
}

/**
 * Strips tags and collapses whitespace, keeping punctuation as the seed has it. Italics
 * (`<i>word</i>`) become `*word*`, the convention of the content files, so `italics()` can list them.
 */
function clean(html: string): string {
  return html
    .replace(/<i>\s*([\s\S]*?)\s*<\/i>/g, '*$1*')
    .replace(/<[^>]*>/g, ' ')
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/ ([,.;:)])/g, '$1')
    .trim();
}

export interface SeedSubItem {
  /** "a", "b", "c" … */
  key: string;
  text: string;
}

export interface SeedIndicator {
  /** "2.4": level and position, without the trailing dot some rows have ("1.1."). */
  no: string;
  level: number;
  text: string;
  items: SeedSubItem[];
}

export interface SeedLevel {
  level: number;
  description: string;
  indicators: SeedIndicator[];
}

export interface SeedCompetency {
  /** The section number in the draft: 1, 2, 3. */
  number: number;
  /** The section heading as written, e.g. "PENGELOLAAN APLIKASI SPSE DAN SISTEM PENDUKUNG". */
  heading: string;
  /** "Nama Kompetensi". */
  name: string;
  /** "Kode Kompetensi", or null where the draft leaves it blank ("....."). */
  code: string | null;
  definition: string;
  levels: SeedLevel[];
}

/** A column of the leveling table: a role as the table names it. */
export interface SeedLevelingColumn {
  /** The role name without the eligibility in brackets, e.g. "Admin Sistem". */
  role: string;
  /** The bracketed eligibility as written, e.g. "P3K (JF MI/JF Prakom), atau PNS (JF MI/JF Prakom)". */
  eligibilityText: string;
  /** The same, read: employment status and the functional positions open to it. */
  eligibility: { status: string; positions: string[] }[];
}

export interface SeedLeveling {
  columns: SeedLevelingColumn[];
  /** Rows whose cells are all empty: standards every role holds outside this dictionary. */
  prerequisites: string[];
  /** competency name -> role name -> required level, or null where the table has "-". */
  levels: Map<string, Map<string, number | null>>;
  /** The "Keterangan" under the table: abbreviation -> expansion (e.g. "P3K" -> "Pegawai …"). */
  notes: Map<string, string>;
}

export interface SeedRole {
  /** The section title, e.g. "ADMINISTRATOR SISTEM". */
  title: string;
  /** The leveling-table column this section belongs to, e.g. "Admin Sistem". */
  column: string;
  /** The Ikhtisar Jabatan sentence, or null where the draft gives only the numbered duties. */
  summary: string | null;
  /** The numbered duties of the Ikhtisar Jabatan, verbatim, without their numbers. */
  duties: string[];
  /** The section's own "II. STANDAR KOMPETENSI TEKNIS" rows: competency name -> level. */
  standard: Map<string, number>;
  /** Rows of that table without a level (e.g. "Standar Kompetensi PBJP Level-1"). */
  prerequisites: string[];
  /** Every numbered row of that table, in order, as the draft numbers it; `level` null where it gives none. */
  rows: { no: number; name: string; level: number | null }[];
}

export interface Seed {
  file: string;
  text: string;
  letter: { number: string; day: number; month: string; year: number };
  competencies: SeedCompetency[];
  leveling: SeedLeveling;
  roles: SeedRole[];
}

/**
 * Splits `text` at sequential labels: `label(1)`, then `label(2)` after it, and so on until the
 * next one is missing. A label counts only at the start of the text or after whitespace or a tag
 * (so "2.1" inside a sentence never starts an item) and must be followed by whitespace.
 * Returns what precedes the first label and the raw chunk after each label.
 */
function splitSequential(text: string, label: (index: number) => string): { before: string; chunks: string[] } {
  const starts: { at: number; end: number }[] = [];
  let from = 0;
  for (let index = 1; ; index++) {
    const pattern = new RegExp(`(?<=^|[\\s>])${label(index)}(?=\\s)`, 'g');
    pattern.lastIndex = from;
    const match = pattern.exec(text);
    if (!match) break;
    starts.push({ at: match.index, end: match.index + match[0].length });
    from = match.index + match[0].length;
  }
  const chunks = starts.map(({ end }, index) => text.slice(end, starts[index + 1]?.at ?? text.length));
  return { before: text.slice(0, starts[0]?.at ?? text.length), chunks };
}

/** The value of a "Label : value" row of a competency header, whatever the tabs around the colon. */
function headerField(lines: string[], label: string, where: string): string {
  const line = lines.find((candidate) => candidate.startsWith(label));
  if (!line) throw new Error(`seed: no "${label}" row in ${where}`);
  return clean(line.slice(line.indexOf(':') + 1));
}

/**
 * Parses one level's indicator cell (all its page-broken pieces joined) into numbered indicators.
 * Sub-items are the lettered `<li>` entries ("<li>a. …</li>") inside an indicator.
 */
function parseIndicators(level: number, cell: string, where: string): SeedIndicator[] {
  const { before, chunks } = splitSequential(cell, (index) => `${level}\\.${index}\\.?`);
  if (clean(before) !== '') throw new Error(`seed: text before indicator ${level}.1 in ${where}: "${clean(before)}"`);
  return chunks.map((chunk, index) => {
    const items = [...chunk.matchAll(/<li>\s*([a-z])\.\s*([\s\S]*?)<\/li>/g)].map((match) => ({
      key: match[1]!,
      text: clean(match[2]!),
    }));
    const text = clean(items.length > 0 ? chunk.replace(/<ol[^>]*>[\s\S]*?<\/ol>/g, ' ') : chunk);
    return { no: `${level}.${index + 1}`, level, text, items };
  });
}

/** Parses the three competency sections: header rows, then one row (plus continuations) per level. */
function parseCompetencies(lines: string[]): SeedCompetency[] {
  const end = lines.findIndex((line) => line.startsWith('**LEVELING STANDAR KOMPETENSI'));
  if (end < 0) throw new Error('seed: no "**LEVELING STANDAR KOMPETENSI" marker ending the competency sections');
  const starts = lines
    .map((line, index) => ({ index, match: /^#{2,3}\s+(\d+)\.\s+(.+?)\s*$/.exec(line) }))
    .filter((entry) => entry.index < end && entry.match);
  if (starts.length === 0) throw new Error('seed: no competency section headings ("## 1. …") found');

  return starts.map(({ index, match }, position) => {
    const number = Number(match![1]);
    const heading = match![2]!;
    const where = `competency section ${number}`;
    const section = lines.slice(index + 1, starts[position + 1]?.index ?? end);
    const code = headerField(section, 'Kode Kompetensi', where);

    const levels: { level: number; description: string; cell: string }[] = [];
    for (const line of section) {
      const cells = line.split('\t');
      if (/^[1-5]$/.test(cells[0]!.trim()) && cells.length >= 3) {
        // A level row: level | description | indicators.
        levels.push({ level: Number(cells[0]), description: clean(cells[1]!), cell: cells.slice(2).join(' ') });
      } else if (cells.length >= 3 && cells[0]!.trim() === '' && cells[1]!.trim() === '' && levels.length > 0) {
        // The rest of the previous level's indicators, carried over a page break.
        levels.at(-1)!.cell += ' ' + cells.slice(2).join(' ');
      }
    }
    return {
      number,
      heading,
      name: headerField(section, 'Nama Kompetensi', where),
      code: /^[.\s…]*$/.test(code) ? null : code,
      definition: headerField(section, 'Definisi', where),
      levels: levels.map(({ level, description, cell }) => ({
        level,
        description,
        indicators: parseIndicators(level, cell, `${where}, level ${level}`),
      })),
    };
  });
}

/** Parses the leveling table: roles as columns, one row per competency ("Level N", "-" or blank). */
function parseLeveling(lines: string[]): SeedLeveling {
  const start = lines.findIndex((line) => line.startsWith('**LEVELING STANDAR KOMPETENSI'));
  const stop = lines.findIndex((line, index) => index > start && line.startsWith('Keterangan'));
  const table = lines.slice(start, stop < 0 ? undefined : stop);
  const header = table.find((line) => /^No\tKompetensi\t/.test(line));
  if (!header) throw new Error('seed: the leveling table has no "No\\tKompetensi\\t…" header row');
  const columns = header
    .split('\t')
    .slice(2)
    .map((cell) => cell.trim())
    .filter(Boolean)
    .map((cell) => {
      const bracket = cell.indexOf('(');
      const eligibilityText = bracket < 0 ? '' : cell.slice(bracket + 1, cell.lastIndexOf(')')).trim();
      // "P3K (JF MI/JF Prakom), atau PNS (JF MI/JF Prakom/PPBJ)": status, then positions in brackets.
      const eligibility = [...eligibilityText.matchAll(/([\p{Lu}\d]+)\s*\(([^)]*)\)/gu)].map((match) => ({
        status: match[1]!,
        positions: match[2]!.split('/').map((position) => position.trim()),
      }));
      return { role: bracket < 0 ? cell : cell.slice(0, bracket).trim(), eligibilityText, eligibility };
    });

  const prerequisites: string[] = [];
  const levels = new Map<string, Map<string, number | null>>();
  for (const line of table) {
    const cells = line.split('\t');
    if (!/^\d+$/.test(cells[0]!.trim())) continue;
    const competency = clean(cells[1]!);
    const values = columns.map((_, index) => (cells[index + 2] ?? '').trim());
    if (values.every((value) => value === '')) {
      prerequisites.push(competency);
      continue;
    }
    const row = new Map<string, number | null>();
    values.forEach((value, index) => {
      const level = /^Level\s*(\d)$/i.exec(value);
      if (level) row.set(columns[index]!.role, Number(level[1]));
      else if (/^[-–]$/.test(value)) row.set(columns[index]!.role, null);
      else throw new Error(`seed: leveling cell "${value}" for ${competency} / ${columns[index]!.role} is unreadable`);
    });
    levels.set(competency, row);
  }

  // "Keterangan:" then "1. P3K = Pegawai Pemerintah dengan Perjanjian Kerja" … up to the next bold title.
  const notes = new Map<string, string>();
  for (const line of lines.slice(stop + 1)) {
    if (line.startsWith('**')) break;
    const note = /^\d+\.\s+(.+?)\s*=\s*(.+?)\s*$/.exec(line);
    if (note) notes.set(note[1]!, note[2]!);
  }
  return { columns, prerequisites, levels, notes };
}

/**
 * The leveling-table column a role section belongs to. The draft names roles differently in the
 * two places ("Admin Sistem" / "ADMINISTRATOR SISTEM", "Koordinator LPSE" / "KEPALA/KOORDINATOR
 * UNIT KERJA …"): a column matches when its first word begins a word of the section title.
 */
function columnOf(title: string, columns: SeedLevelingColumn[]): string {
  const words = title.toLowerCase().split(/[^\p{L}]+/u);
  const matches = columns.filter(({ role }) => {
    const first = role.toLowerCase().split(/\s+/)[0]!;
    return words.some((word) => word.startsWith(first));
  });
  if (matches.length !== 1) {
    throw new Error(`seed: role section "${title}" matches ${matches.length} leveling-table columns`);
  }
  return matches[0]!.role;
}

/** Parses the four "**STANDAR KOMPETENSI <role>**" sections: Ikhtisar Jabatan and their own table. */
function parseRoles(lines: string[], leveling: SeedLeveling): SeedRole[] {
  const starts = lines.flatMap((line, index) => (line.startsWith('**STANDAR KOMPETENSI') ? [index] : []));
  return starts.map((start, position) => {
    const section = lines.slice(start, starts[position + 1] ?? lines.length);
    // The bold title runs over several lines ("**STANDAR KOMPETENSI  \nVERIFIKATOR**").
    const titleEnd = section.findIndex((line, index) => (index === 0 ? line.slice(2) : line).includes('**'));
    const title = clean(
      section
        .slice(0, titleEnd + 1)
        .join(' ')
        .replace(/\*\*/g, ''),
    ).replace(/^STANDAR KOMPETENSI\s+/, '');

    const summaryLine = section.find((line) => line.startsWith('Ikhtisar Jabatan\t'));
    if (!summaryLine) throw new Error(`seed: role section "${title}" has no "Ikhtisar Jabatan" row`);
    const cell = summaryLine.split('\t').slice(1).join(' ');
    const { before, chunks } = splitSequential(cell, (index) => `${index}\\.`);
    const summary = clean(before);

    const standard = new Map<string, number>();
    const prerequisites: string[] = [];
    const rows: SeedRole['rows'] = [];
    const tableStart = section.findIndex((line) => line.startsWith('II. STANDAR KOMPETENSI TEKNIS'));
    for (const line of section.slice(tableStart + 1)) {
      const row = /^(\d+)\.\s+([^\t]+?)\t+(\d)?/.exec(line);
      if (!row) continue;
      const name = clean(row[2]!);
      rows.push({ no: Number(row[1]), name, level: row[3] ? Number(row[3]) : null });
      if (row[3]) standard.set(name, Number(row[3]));
      else prerequisites.push(name);
    }

    return {
      title,
      column: columnOf(title, leveling.columns),
      summary: summary === '' ? null : summary,
      duties: chunks.map(clean),
      standard,
      prerequisites,
      rows,
    };
  });
}

/** Parses the seed markdown. Throws when its structure is not what the draft looks like. */
export function parseSeed(text: string, file = '(inline)'): Seed {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const letter = /Nomor\s*:\s*(\S+)\s+(\d{1,2})\s+(\p{L}+)\s+(\d{4})/u.exec(text);
  if (!letter) throw new Error('seed: no "Nomor : <number> <date>" line in the letter');
  const leveling = parseLeveling(lines);
  return {
    file,
    text,
    letter: { number: letter[1]!, day: Number(letter[2]), month: letter[3]!, year: Number(letter[4]) },
    competencies: parseCompetencies(lines),
    leveling,
    roles: parseRoles(lines, leveling),
  };
}

let cached: Seed | undefined;

/** The parsed seed from `seedPath()` (parsed once per test file). */
export function loadSeed(): Seed {
  cached ??= parseSeed(readSeedText(), seedPath());
  return cached;
}

/** The words a text sets in italics (`*word*`), in order. */
export const italics = (text: string): string[] =>
  [...text.matchAll(/\*([^*]+)\*/g)].map((match) => match[1]!.replace(/\s+/g, ' ').trim());

/** Every indicator of a seed competency, level by level. */
export const seedIndicators = (competency: SeedCompetency): SeedIndicator[] =>
  competency.levels.flatMap((level) => level.indicators);

/** The level a leveling-table role requires of a competency (null: not required). */
export function requiredLevel(seed: Seed, competency: string, role: string): number | null | undefined {
  return seed.leveling.levels.get(competency)?.get(role);
}

/** The site's one phone-number pattern, shared with the content check. */
export { PHONE_PATTERN };

/**
 * The made-up number the tests use for phone formats, in each format they try. It is the only
 * phone number any tracked file may hold (tests/lib/privacy.test.ts scans the repository).
 */
export const MADE_UP_PHONES = [
  '0812-0000-0000',
  '081200000000',
  '0812 0000 0000',
  '0812.0000.0000',
  '(0812) 0000 0000',
  '+62 812 0000 0000',
  '+62 812-0000-0000',
  '+6281200000000',
  '62-812-0000-0000',
  '6281200000000',
] as const;

/** Made-up landline numbers, as the content check's messages and tests write them; also allowed anywhere. */
export const MADE_UP_LANDLINES = ['(021) 000-0000', '+62 21 0000 0000'] as const;

/** A phone number's subscriber digits: separators dropped, then the leading "+62", "62" or "0". */
export const phoneDigits = (phone: string): string => phone.replace(/\D/g, '').replace(/^(?:62|0)/, '');

/** Digits replaced by "•", so a failure message can say where a number is without repeating it. */
export const maskDigits = (text: string): string => text.replace(/\d/g, '•');

/**
 * The letter's contact person, read from the seed at run time so that no tracked file has to hold
 * them: the name's words (for "not in the repository" checks) and the mobile number.
 */
export function contactPerson(seed: Pick<Seed, 'text'>): { nameWords: string[]; phone: string } {
  const contact = /narahubung\b[^.]*?\bSdr\.\s+([\p{L} .'-]+?)\s+pada\b/u.exec(seed.text);
  const phone = PHONE_PATTERN.exec(seed.text);
  if (!contact || !phone) throw new Error('seed: the letter names no contact person ("narahubung … Sdr. … pada …")');
  return { nameWords: contact[1]!.split(/\s+/).filter((word) => word.length >= 3), phone: phone[0] };
}
