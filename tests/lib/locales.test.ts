// SITE_LOCALES, the Starlight locales derived from it, and localeOf(url, base) with and without a base path.
import { describe, expect, test } from 'vitest';
import { localeOf, localeParams, SITE_LOCALES, starlightLocales } from '../../src/lib/locales.ts';
import { sitePath } from '../../src/lib/paths.ts';

const ORIGIN = 'https://kamus-lpse.example.org';
const [root] = SITE_LOCALES;

describe('SITE_LOCALES', () => {
  test('Indonesian comes first and is served at the root', () => {
    expect(root).toEqual({ locale: undefined, label: 'Bahasa Indonesia', lang: 'id' });
  });

  test('Starlight locales and route params list every site locale, the root one as Starlight names it', () => {
    expect(starlightLocales).toEqual({
      root: { label: 'Bahasa Indonesia', lang: 'id' },
      en: { label: 'English', lang: 'en' },
    });
    expect(localeParams()).toEqual([{ locale: undefined }, { locale: 'en' }]);
  });
});

describe('localeOf', () => {
  test.each(['/', '/kamus-lpse/'])('finds every site locale back from its own URLs under base %s', (base) => {
    for (const siteLocale of SITE_LOCALES) {
      for (const path of ['/', '/kompetensi/layanan-lpse/', '/peran/']) {
        const url = new URL(sitePath(path, siteLocale.locale, base), ORIGIN);
        expect(localeOf(url, base), url.pathname).toBe(siteLocale);
      }
    }
  });

  test('a first segment that is no locale, or a URL outside the base, gives the root language', () => {
    expect(localeOf(new URL('/kompetensi/', ORIGIN), '/')).toBe(root);
    expect(localeOf(new URL('/xx/kompetensi/', ORIGIN), '/')).toBe(root);
    expect(localeOf(new URL('/kamus-lpse/kompetensi/', ORIGIN), '/kamus-lpse/')).toBe(root);
    expect(localeOf(new URL('/lain/', ORIGIN), '/kamus-lpse/')).toBe(root);
  });
});
