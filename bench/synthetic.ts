/**
 * Synthetic dictionaries for the benchmarks: a seeded, deterministic generator of matrix data of
 * any size (roles x competencies), shaped like the real `toMatrixData()` output, and the
 * explorer's UI strings read from the site's own i18n files. Plain TypeScript, no Astro imports.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { labelsFor as uiLabels } from '../src/lib/labels.ts';
import type { MatrixData, MatrixIndicator, MatrixLabels, MatrixLevel } from '../src/lib/matrix.ts';

/** The size and shape of a synthetic dictionary. */
export interface SyntheticOptions {
  roles: number;
  competencies: number;
  /** Same seed, same dictionary. */
  seed?: number;
  /** Indicators per level, drawn evenly from this range (inclusive). */
  indicatorsPerLevel?: [number, number];
  /** Share of role x competency cells left "not required". */
  notRequiredShare?: number;
}

/** mulberry32: a small, fast, seedable PRNG returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Indonesian-looking words, so text lengths and line breaking resemble the real indicators.
const WORDS = [
  'mampu',
  'memahami',
  'menyusun',
  'melaksanakan',
  'mengevaluasi',
  'layanan',
  'pengadaan',
  'secara',
  'elektronik',
  'sistem',
  'prosedur',
  'standar',
  'kebijakan',
  'keamanan',
  'informasi',
  'aplikasi',
  'pengguna',
  'dokumentasi',
  'laporan',
  'pemeliharaan',
  'komponen',
  'pendukung',
  'sesuai',
  'dengan',
  'ketentuan',
  'yang',
  'berlaku',
  'dan',
  'serta',
  'terhadap',
  'risiko',
  'perbaikan',
];

const STATUSES = [
  { key: 'pns', label: 'PNS' },
  { key: 'p3k', label: 'P3K / PPPK' },
  { key: 'non-asn', label: 'Non-ASN' },
];

const POSITIONS = [
  { key: 'jf-prakom', label: 'JF Prakom' },
  { key: 'jf-mi', label: 'JF MI' },
  { key: 'ppbj', label: 'PPBJ' },
  { key: 'jf-arsiparis', label: 'JF Arsiparis' },
  { key: 'jf-analis', label: 'JF Analis' },
];

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** Builds a deterministic matrix of `roles` x `competencies`, five levels each. */
export function syntheticMatrix(options: SyntheticOptions): MatrixData {
  const { roles: roleCount, competencies: competencyCount } = options;
  const [minIndicators, maxIndicators] = options.indicatorsPerLevel ?? [3, 4];
  const notRequired = options.notRequiredShare ?? 0.35;
  const random = seededRandom(options.seed ?? 1);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const sentence = (min: number, max: number) => {
    const words = Array.from({ length: int(min, max) }, () => pick(WORDS));
    return words.join(' ').replace(/^./, (first) => first.toUpperCase());
  };

  const competencies = Array.from({ length: competencyCount }, (_, c) => {
    const slug = `kompetensi-${pad(c + 1, 4)}`;
    const href = `/kompetensi/${slug}/`;
    const levels: MatrixLevel[] = [1, 2, 3, 4, 5].map((level) => {
      const indicators: MatrixIndicator[] = Array.from({ length: int(minIndicators, maxIndicators) }, (_, i) => {
        const no = `${level}.${i + 1}`;
        // About one indicator in ten has lettered sub-items, as in the source.
        const items =
          random() < 0.1
            ? Array.from({ length: int(2, 3) }, (_, k) => `${String.fromCharCode(97 + k)}. ${sentence(3, 7)}`)
            : [];
        return { no, text: sentence(8, 18), items, href: `${href}#indikator-${no.replace('.', '-')}` };
      });
      return { level, description: sentence(15, 30), href: `${href}#level-${level}`, indicators };
    });
    return { slug, name: `${sentence(3, 6)} ${c + 1}`, href, levels };
  });

  // Each role is open to one or two statuses, each with one to three positions; no status or
  // position is open to every role, so every filter hides some columns.
  const roles = Array.from({ length: roleCount }, (_, r) => {
    const slug = `peran-${pad(r + 1, 3)}`;
    const statuses = r % 3 === 0 ? [STATUSES[r % 2]!, STATUSES[2]!] : [STATUSES[r % STATUSES.length]!];
    const eligibility = statuses.map((status, s) => {
      const first = (r + s) % POSITIONS.length;
      const count = int(1, 3);
      const positions = Array.from({ length: count }, (_, p) => POSITIONS[(first + p) % POSITIONS.length]!.key);
      return { status: status.key, positions };
    });
    return { slug, name: `Peran ${sentence(1, 3)} ${r + 1}`, href: `/peran/${slug}/`, eligibility };
  });

  const required = roles.map(() => competencies.map(() => (random() < notRequired ? null : int(1, 5))));

  const used = (keys: string[]) => (option: { key: string }) => keys.includes(option.key);
  return {
    roles,
    competencies,
    required,
    prerequisites: [
      { name: 'Standar Kompetensi PBJP Level-1', roles: roles.map(() => true) },
      { name: 'Standar Kompetensi Sintetis', roles: roles.map((_, r) => r % 4 === 0) },
    ],
    statuses: STATUSES.filter(used(roles.flatMap((role) => role.eligibility.map((entry) => entry.status)))),
    positions: POSITIONS.filter(used(roles.flatMap((role) => role.eligibility.flatMap((entry) => entry.positions)))),
  };
}

/** The explorer's UI strings in one language, read from the site's i18n file as the page reads them. */
export function labelsFor(root: string, lang: 'id' | 'en' = 'id'): MatrixLabels {
  const file = path.join(root, 'src/content/i18n', `${lang}.json`);
  const strings = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  return uiLabels('matrix', strings);
}
