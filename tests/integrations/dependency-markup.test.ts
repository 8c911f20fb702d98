import { describe, expect, test } from 'vitest';
import { fixDependencyMarkup } from '../../src/integrations/dependency-markup.ts';

const ISLAND_STYLE = '<style>astro-island,astro-slot,astro-static-slot{display:contents}</style>';
const page = (head: string, body: string) => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

describe('fixDependencyMarkup', () => {
  test('drops aria-hidden from scripts only, keeping each script body and other elements’ attributes', () => {
    const html = page('', '<div aria-hidden="true">x</div><script aria-hidden="true">\n\trun();\n</script>');
    expect(fixDependencyMarkup(html)).toBe(page('', '<div aria-hidden="true">x</div><script>\n\trun();\n</script>'));
  });

  test('moves Astro’s island style from the body to the end of the head, once', () => {
    const html = page('<title>t</title>', `<p>a</p>${ISLAND_STYLE}<astro-island></astro-island>${ISLAND_STYLE}`);
    expect(fixDependencyMarkup(html)).toBe(
      page(`<title>t</title>${ISLAND_STYLE}`, '<p>a</p><astro-island></astro-island>'),
    );
  });

  test('leaves other styles, valid pages and its own output unchanged', () => {
    const valid = page(
      '<style>p{color:red}</style>',
      '<div><style>p{margin:0}</style><p>x</p></div><script>run()</script>',
    );
    expect(fixDependencyMarkup(valid)).toBe(valid);
    const fixed = fixDependencyMarkup(page('', `${ISLAND_STYLE}<script aria-hidden="true">a()</script>`));
    expect(fixDependencyMarkup(fixed)).toBe(fixed);
  });
});
