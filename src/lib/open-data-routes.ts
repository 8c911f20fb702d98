/** Shared loader for the open-data endpoints: the document for this build's site URL. */
import type { APIContext } from 'astro';
import { getDictionary } from './content.ts';
import { toOpenData } from './open-data.ts';

/** The open-data document, with URLs on the configured site (SITE) and base path. */
export async function openDataFor(context: Pick<APIContext, 'site' | 'url'>) {
  return toOpenData(await getDictionary(), context.site ?? new URL(context.url.origin));
}
