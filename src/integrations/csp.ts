/**
 * The site's Content-Security-Policy: every page carries it in a `<meta http-equiv>` element that
 * Astro's `security.csp` writes, allowing nothing but the site's own origin.
 *
 * Astro hashes the scripts it bundles but not the bodies of `<script is:inline>` elements
 * (withastro/astro#16678), and Starlight renders several of those (the search shortcut, the theme
 * and language pickers, the sidebar's scroll restore). Without their hashes the browser refuses to
 * run them, so an integration adds the hash of every inline script of each built page to that
 * page's own policy once the build is done.
 */
import { createHash } from 'node:crypto';
import { attribute, elements, parseWithLocations, type Element } from './html.ts';

/** The directives Astro's `security.csp.directives` adds to every page beside `script-src` and `style-src`. */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

/** Script types a browser runs, so their bodies need a hash (JSON data blocks do not). */
const EXECUTABLE_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);

/** The `'sha256-…'` source expression of a script or style body, as browsers compute it. */
export const sha256Source = (body: string) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;

/** Splits a policy into its directives, keyed by name (`script-src` -> `['self', …]` as written). */
export function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const directive of policy.split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** Writes directives back as a policy string. */
export const serializePolicy = (directives: Map<string, string[]>) =>
  [...directives].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');

/**
 * Returns the page with the hash of each of its inline scripts added to the `script-src` of its CSP
 * meta element. A page without that element, or whose scripts are all hashed, comes back unchanged.
 */
export function addInlineScriptHashes(html: string): string {
  const document = parseWithLocations(html);
  let meta: Element | undefined;
  const hashes: string[] = [];
  for (const element of elements(document)) {
    if (
      element.tagName === 'meta' &&
      attribute(element, 'http-equiv')?.toLowerCase() === 'content-security-policy' &&
      !meta
    ) {
      meta = element;
    } else if (
      element.tagName === 'script' &&
      attribute(element, 'src') === undefined &&
      EXECUTABLE_TYPES.has((attribute(element, 'type') ?? '').trim().toLowerCase())
    ) {
      const body = element.childNodes.map((child) => ('value' in child ? child.value : '')).join('');
      if (body.trim()) hashes.push(sha256Source(body));
    }
  }
  const location = meta?.sourceCodeLocation?.attrs?.['content'];
  if (!meta || !location) return html;
  const directives = parsePolicy(attribute(meta, 'content')!);
  const scriptSrc = directives.get('script-src');
  if (!scriptSrc) {
    throw new Error(
      'The Content-Security-Policy meta element has no script-src directive. Hint: keep `security.csp` enabled in astro.config.mjs.',
    );
  }
  const missing = [...new Set(hashes)].filter((hash) => !scriptSrc.includes(hash));
  if (missing.length === 0) return html;
  directives.set('script-src', [...scriptSrc, ...missing]);
  const content = serializePolicy(directives).replaceAll('&', '&amp;').replaceAll('"', '&quot;');
  return `${html.slice(0, location.startOffset)}content="${content}"${html.slice(location.endOffset)}`;
}
