/**
 * What the bench's parts share (`scripts/bench.ts`, `bench/growth.ts`, `bench/rollup.ts`): gzip
 * sizes, medians, building a project, listing its pages, serving a build and opening a page in
 * Chromium. Kept apart so the parts import it, not each other.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { builtPages } from '../src/integrations/built-pages.ts';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createSecureServer, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';

/** Bytes of `content` once gzipped, as a host serves text. */
export const gzipSize = (content: string | Buffer) => gzipSync(content).length;

/** Median and maximum of repeated measurements. */
export interface Stats {
  median: number;
  max: number;
  samples: number[];
}

/** The median and maximum of `samples`. */
export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, max: sorted[sorted.length - 1]!, samples };
}

/** Runs `astro build` with this Node and returns how long it took. Throws with its output on failure. */
export async function buildSite(projectRoot: string): Promise<{ buildMs: number }> {
  const astro = path.join(projectRoot, 'node_modules/astro/bin/astro.mjs');
  const start = performance.now();
  const output: Buffer[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [astro, 'build'], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('error', reject);
    child.on('close', resolve);
  });
  const buildMs = performance.now() - start;
  if (code !== 0) throw new Error(`astro build failed (exit ${code}):\n${Buffer.concat(output).toString()}`);
  return { buildMs };
}

/** Every HTML file of a build, outside the search index and the bundled assets (the one walker, `built-pages.ts`). */
export function htmlFiles(dist: string): string[] {
  return builtPages(dist)
    .map(({ file }) => file)
    .sort();
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

/** A self-signed certificate for 127.0.0.1, made with the system's openssl, for the HTTP/2 server. */
function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kamus-cert-'));
  try {
    const result = spawnSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1'].concat([
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        path.join(dir, 'cert.pem'),
      ]),
      { stdio: 'pipe' },
    );
    if (result.status !== 0) throw new Error(`openssl failed: ${result.stderr?.toString()}`);
    return { key: readFileSync(path.join(dir, 'key.pem')), cert: readFileSync(path.join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Serves fixed routes, then the files of `dir`, on a free loopback port. Text is gzipped as a host
 * would (nginx's `gzip_types`); Pagefind's own files are compressed already. With `http2`, over TLS
 * (self-signed: open it in a context that ignores HTTPS errors), as static hosts and CDNs serve:
 * one connection carries every request at once, where HTTP/1.1 runs six at a time.
 */
export async function serve(dir: string, routes: Record<string, { file: string }>, options: { http2?: boolean } = {}) {
  const handler = (request: IncomingMessage | Http2ServerRequest, reply: ServerResponse | Http2ServerResponse) => {
    // The HTTP/2 compatibility API answers as HTTP/1's does.
    const response = reply as ServerResponse;
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    let file = routes[url.pathname]?.file ?? path.join(dir, decodeURIComponent(url.pathname));
    if (!routes[url.pathname] && existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!(routes[url.pathname] || file.startsWith(dir)) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
    const body = readFileSync(file);
    if (
      /^(text|application\/(json|javascript)|image\/svg)/.test(type) &&
      /gzip/.test(String(request.headers['accept-encoding']))
    ) {
      response.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding' });
      response.end(gzipSync(body));
      return;
    }
    response.writeHead(200, { 'content-type': type });
    response.end(body);
  };
  const server = options.http2
    ? createSecureServer({ ...selfSignedCertificate(), allowHTTP1: true }, handler)
    : createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `${options.http2 ? 'https' : 'http'}://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Opens a page that fails on script errors and refuses every request outside `origin`. */
export async function openPage(browser: Browser, origin: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  await context.route('**/*', (route) =>
    route.request().url().startsWith(origin)
      ? route.continue()
      : (errors.push(`blocked ${route.request().url()}`), route.abort()),
  );
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors };
}
