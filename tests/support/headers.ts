// The site's `_headers` file (Netlify / Cloudflare Pages format), read the way those hosts read it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './seed.ts';

/** The headers each path pattern of a `_headers` file sets, in file order. */
export function parseHeadersFile(text: string): Map<string, Record<string, string>> {
  const rules = new Map<string, Record<string, string>>();
  let current: Record<string, string> | undefined;
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      current = {};
      rules.set(line.trim(), current);
      continue;
    }
    const colon = line.indexOf(':');
    if (!current || colon < 0) throw new Error(`_headers: a header line outside a path or without a colon: ${line}`);
    current[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return rules;
}

/** The headers `public/_headers` sets on every path (`/*`). */
export function siteHeaders(): Record<string, string> {
  const rules = parseHeadersFile(readFileSync(path.join(projectRoot, 'public', '_headers'), 'utf8'));
  const all = rules.get('/*');
  if (!all) throw new Error('public/_headers has no rule for /*');
  return all;
}
