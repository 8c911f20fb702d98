/**
 * Mends the two kinds of invalid markup that the site's dependencies write into built pages, so the
 * Nu Html Checker finds no error on any page:
 * - Starlight marks two inline scripts of its sidebar `aria-hidden`, an attribute scripts may not
 *   carry (and that does nothing on them);
 * - Astro writes the `astro-island { display: contents }` rule as a `<style>` element in the body
 *   before the first island, where a style element must be the first child of its parent; it moves
 *   to the end of the head, where it applies just the same.
 */
import { applyEdits, attribute, elements, parseWithLocations, type Edit } from './html.ts';

/** Returns the page with those two mended; anything else is left byte for byte. */
export function fixDependencyMarkup(html: string): string {
  const document = parseWithLocations(html);
  const edits: Edit[] = [];
  let headEnd: number | undefined;
  const moved: string[] = [];
  for (const element of elements(document)) {
    const location = element.sourceCodeLocation;
    if (!location) continue;
    if (element.tagName === 'head') headEnd = location.endTag?.startOffset;
    if (element.tagName === 'script' && attribute(element, 'aria-hidden') !== undefined) {
      const hidden = location.attrs?.['aria-hidden'];
      // The attribute and the space before it.
      if (hidden) edits.push({ start: hidden.startOffset - 1, end: hidden.endOffset, text: '' });
    }
    const inBody = element.parentNode && 'tagName' in element.parentNode && element.parentNode.tagName !== 'head';
    if (
      element.tagName === 'style' &&
      inBody &&
      html.slice(location.startOffset, location.endOffset).includes('astro-island')
    ) {
      moved.push(html.slice(location.startOffset, location.endOffset));
      edits.push({ start: location.startOffset, end: location.endOffset, text: '' });
    }
  }
  if (moved.length > 0) {
    if (headEnd === undefined) throw new Error('A built page has an island style but no </head> to move it to.');
    edits.push({ start: headEnd, end: headEnd, text: [...new Set(moved)].join('') });
  }
  return edits.length > 0 ? applyEdits(html, edits) : html;
}
