// sitePath, competencyPath, glossaryPath and rolePath under the root base and a sub-path base, with and without a locale prefix.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { competencyPath, glossaryPath, rolePath, sitePath } from '../../src/lib/paths.ts';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('sitePath', () => {
  test.each([
    ['/', undefined, '/kompetensi/layanan-lpse/', '/kompetensi/layanan-lpse/'],
    ['/', 'en', '/kompetensi/layanan-lpse/', '/en/kompetensi/layanan-lpse/'],
    ['/kamus-lpse/', undefined, '/kompetensi/layanan-lpse/', '/kamus-lpse/kompetensi/layanan-lpse/'],
    ['/kamus-lpse/', 'en', '/kompetensi/layanan-lpse/', '/kamus-lpse/en/kompetensi/layanan-lpse/'],
    ['/kamus-lpse', 'en', '/peran/', '/kamus-lpse/en/peran/'],
    ['/', undefined, '/', '/'],
    ['/', 'en', '/', '/en/'],
    ['/kamus-lpse/', undefined, '/', '/kamus-lpse/'],
  ])('base %s, locale %s, path %s → %s', (base, locale, path, expected) => {
    expect(sitePath(path, locale, base)).toBe(expected);
  });
});

describe('competencyPath, glossaryPath and rolePath', () => {
  test('at the root base', () => {
    vi.stubEnv('BASE_URL', '/');
    expect(glossaryPath('pns', undefined)).toBe('/glosarium/#pns');
    expect(glossaryPath(undefined, 'en')).toBe('/en/glosarium/');
    expect(competencyPath('layanan-lpse', undefined)).toBe('/kompetensi/layanan-lpse/');
    expect(competencyPath(undefined, undefined)).toBe('/kompetensi/');
    expect(competencyPath('layanan-lpse', 'en', 'indikator-3-2')).toBe('/en/kompetensi/layanan-lpse/#indikator-3-2');
    expect(rolePath('verifikator', undefined)).toBe('/peran/verifikator/');
    expect(rolePath(undefined, 'en')).toBe('/en/peran/');
  });

  test('under a sub-path base', () => {
    vi.stubEnv('BASE_URL', '/kamus-lpse/');
    expect(competencyPath('aplikasi-spse', undefined, 'level-3')).toBe('/kamus-lpse/kompetensi/aplikasi-spse/#level-3');
    expect(competencyPath(undefined, 'en')).toBe('/kamus-lpse/en/kompetensi/');
    expect(rolePath('helpdesk', 'en')).toBe('/kamus-lpse/en/peran/helpdesk/');
    expect(rolePath(undefined, undefined)).toBe('/kamus-lpse/peran/');
    expect(glossaryPath('jf-prakom', 'en')).toBe('/kamus-lpse/en/glosarium/#jf-prakom');
  });

  test('an explicit base wins over the configured one (search records are written without it)', () => {
    vi.stubEnv('BASE_URL', '/kamus-lpse/');
    expect(competencyPath('alpha', 'en', 'indikator-2-2', '/')).toBe('/en/kompetensi/alpha/#indikator-2-2');
    expect(glossaryPath('pns', undefined, '/')).toBe('/glosarium/#pns');
  });
});
