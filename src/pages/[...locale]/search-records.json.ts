// The dictionary's search records in one language, built from the same model and UI strings as the
// pages. Build-time only: the search-index integration adds them to Pagefind's index and then deletes
// this file from the output, so it is never published (the open data is `/data/kamus.json`).
import type { APIRoute } from 'astro';
import { getEntry } from 'astro:content';
import { getDictionary } from '../../lib/content.ts';
import { localeOf, localeParams } from '../../lib/locales.ts';
import { aliasesByIndicator, checkedAliases } from '../../lib/search-aliases.ts';
import { searchLabels, searchRecords } from '../../lib/search-records.ts';

export const getStaticPaths = () => localeParams().map((params) => ({ params }));

export const GET: APIRoute = async ({ url, locals }) => {
  const dictionary = await getDictionary();
  const { lang } = localeOf(url);
  const file = await getEntry('searchAliases', 'aliases');
  const aliases = checkedAliases(file?.data.aliases ?? [], dictionary);
  const records = searchRecords(dictionary, lang, searchLabels(locals.t.all()), aliasesByIndicator(aliases, lang));
  return new Response(JSON.stringify(records), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
