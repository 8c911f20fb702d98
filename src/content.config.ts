import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { competencySchema, roleSchema, sourceSchema, termSchema } from './lib/schema.ts';
import { searchAliasesSchema } from './lib/search-aliases.ts';
import { uiStringsSchema } from './lib/ui-strings.ts';

/** Loads one folder of dictionary entries; the entry id is the file name without `.mdx`. */
const entries = (folder: string) => glob({ pattern: '*.mdx', base: `./src/content/${folder}` });

export const collections = {
  // Narrative pages (home, about); dictionary views are routes in src/pages built from the model.
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  // Starlight's UI strings plus this site's own keys, per locale.
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema({ extend: uiStringsSchema }) }),
  competencies: defineCollection({ loader: entries('competencies'), schema: competencySchema }),
  roles: defineCollection({ loader: entries('roles'), schema: roleSchema }),
  glossary: defineCollection({ loader: entries('glossary'), schema: termSchema }),
  // A single entry: the LKPP letter and draft every other entry is transcribed from.
  source: defineCollection({ loader: entries('source'), schema: sourceSchema }),
  // One entry (`aliases`): the site's reviewed search aliases; checked against the dictionary where the
  // search records are built (src/pages/[...locale]/search-records.json.ts).
  searchAliases: defineCollection({
    loader: glob({ pattern: '*.json', base: './src/content/search-aliases' }),
    schema: searchAliasesSchema,
  }),
};
