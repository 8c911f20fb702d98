import { describe, expect, test } from 'vitest';
import { addInlineScriptHashes, parsePolicy, sha256Source } from '../../src/integrations/csp.ts';

const POLICY = "default-src 'self'; script-src 'self' 'sha256-AAAA'; style-src 'self'";
const page = (head: string, body = '') =>
  `<!doctype html><html><head><meta http-equiv="content-security-policy" content="${POLICY}">${head}</head><body>${body}</body></html>`;
const policyOf = (html: string) =>
  parsePolicy(/http-equiv="content-security-policy" content="([^"]*)"/.exec(html)![1]!.replaceAll('&quot;', '"'));

describe('sha256Source', () => {
  test('matches the CSP specification’s worked example', () => {
    // The hash MDN and the CSP spec give for this script body.
    expect(sha256Source("alert('Hello, world.');")).toBe("'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='");
  });
});

describe('addInlineScriptHashes', () => {
  test('adds the hash of each inline script body, exactly as written, to script-src', () => {
    const first = '\n\tStarlightThemeProvider.updatePickers();\n';
    const second = 'console.log("é")';
    const html = addInlineScriptHashes(page(`<script>${first}</script>`, `<script type="module">${second}</script>`));
    expect(policyOf(html).get('script-src')).toEqual([
      "'self'",
      "'sha256-AAAA'",
      sha256Source(first),
      sha256Source(second),
    ]);
    // The other directives stay as they were, in order.
    expect([...policyOf(html).keys()]).toEqual(['default-src', 'script-src', 'style-src']);
    expect(policyOf(html).get('style-src')).toEqual(["'self'"]);
  });

  test('leaves external scripts, data blocks and empty scripts alone', () => {
    const html = page(
      '<script src="/a.js"></script><script type="application/ld+json">{"a":1}</script><script>  </script>',
    );
    expect(addInlineScriptHashes(html)).toBe(html);
  });

  test('adds a hash once, even for a script that appears twice or is already hashed', () => {
    const body = 'doSomething()';
    const twice = addInlineScriptHashes(page(`<script>${body}</script>`, `<script>${body}</script>`));
    expect(
      policyOf(twice)
        .get('script-src')!
        .filter((source) => source === sha256Source(body)),
    ).toHaveLength(1);
    expect(addInlineScriptHashes(twice)).toBe(twice);
  });

  test('changes nothing but the policy’s content attribute', () => {
    const html = page('<title>x</title><script>run()</script>', '<p class="a">Text &amp; more</p>');
    const updated = addInlineScriptHashes(html);
    const outside = (text: string) => text.replace(/content="[^"]*"/, 'content=""');
    expect(outside(updated)).toBe(outside(html));
  });

  test('a page without a policy comes back unchanged', () => {
    const html = '<!doctype html><html><head><script>run()</script></head><body></body></html>';
    expect(addInlineScriptHashes(html)).toBe(html);
  });

  test('a policy without script-src is an error with a hint', () => {
    const html =
      '<html><head><meta http-equiv="Content-Security-Policy" content="default-src \'self\'"><script>run()</script></head></html>';
    expect(() => addInlineScriptHashes(html)).toThrow(/no script-src directive.*security\.csp/);
  });
});
