// The README's nginx example sets the same response headers, with the same values, as public/_headers.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { siteHeaders } from '../support/headers.ts';
import { projectRoot } from '../support/seed.ts';

test('the nginx example and public/_headers set identical headers', () => {
  const readme = readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
  const nginx = /```nginx\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(nginx, 'README.md has no nginx example').toBeDefined();
  const fromNginx = Object.fromEntries(
    [...nginx!.matchAll(/add_header\s+([\w-]+)\s+"([^"]*)"\s+always;/g)].map(([, name, value]) => [name, value]),
  );
  expect(fromNginx).toEqual(siteHeaders());
});
