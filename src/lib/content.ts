/**
 * The dictionary as the Astro build sees it: content collections fed to the same `buildDictionary`
 * that `npm run check` uses. Built once per build and shared by every page.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildDictionary, type Dictionary, type EntryInput } from './model.ts';

type DictionaryCollection = 'competencies' | 'roles' | 'glossary' | 'source';

async function load<C extends DictionaryCollection>(name: C): Promise<EntryInput<CollectionEntry<C>['data']>[]> {
  const entries = await getCollection(name);
  return entries.map((entry) => ({
    id: entry.id,
    file: entry.filePath ?? `src/content/${name}/${entry.id}.mdx`,
    data: entry.data,
  }));
}

let dictionary: Promise<Dictionary> | undefined;

/** The linked dictionary; throws a ContentError naming file and field when the content is broken. */
export function getDictionary(): Promise<Dictionary> {
  dictionary ??= (async () =>
    buildDictionary({
      competencies: await load('competencies'),
      roles: await load('roles'),
      glossary: await load('glossary'),
      source: await load('source'),
    }))();
  return dictionary;
}
