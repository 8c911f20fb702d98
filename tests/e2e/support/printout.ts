/**
 * What a printout says about itself, for tests that read PDFs back: the texts its page margins must
 * carry (title, date printed, draft status with the letter's number, address) and their removal.
 */
import { formatDate } from '../../../src/lib/format.ts';
import idStrings from '../../../src/content/i18n/id.json';
import enStrings from '../../../src/content/i18n/en.json';
import { normalize } from '../../support/seed.ts';
import { siteUrl } from './browser.ts';

/** What the margins of every printed page must say, in the page's language (page numbers aside). */
export function printedHead(lang: 'id' | 'en', title: string, path: string, source: { number: string; date: Date }) {
  const strings = lang === 'id' ? idStrings : enStrings;
  const fill = (template: string, values: Record<string, string>) =>
    template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name]!);
  const today = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id', { dateStyle: 'long' }).format(new Date());
  return {
    title,
    printed: fill(strings['kkt.printedOn'], { date: today }),
    status: fill(strings['kkt.draftNotice'], {
      number: source.number,
      date: formatDate(source.date, lang),
    }),
    address: siteUrl(path),
  };
}

/**
 * Removes a page's margin texts (title, date, "n / N", status, address: pdf.js reads them first),
 * compared without spaces since the address wraps; returns the content, or null when they differ.
 */
export function stripMargins(page: string, parts: string[]): string | null {
  const wanted = normalize(parts.join('')).replace(/\s/g, '');
  let at = 0;
  let consumed = 0;
  while (consumed < wanted.length && at < page.length) {
    if (/\s/.test(page[at]!)) {
      at++;
      continue;
    }
    if (page[at] !== wanted[consumed]) return null;
    at++;
    consumed++;
  }
  return consumed === wanted.length ? page.slice(at).trim() : null;
}
