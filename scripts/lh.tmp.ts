import { preview } from 'astro';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
const server = await preview({ root: '/work/main', logLevel: 'error', server: { host: '127.0.0.1', port: 0 } });
const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
for (const path of ['/', '/kompetensi/layanan-lpse/', '/matriks/', '/en/cek-mandiri/']) {
  const t = Date.now();
  const result = await lighthouse(`http://127.0.0.1:${server.port}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] });
  const lhr = result!.lhr;
  console.log(path, Date.now() - t, 'ms', Object.values(lhr.categories).map((c) => `${c.id}=${c.score}`).join(' '));
  for (const audit of Object.values(lhr.audits)) if (audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative' && audit.scoreDisplayMode !== 'manual') console.log('  ', audit.id, audit.score, audit.displayValue ?? '', audit.title);
}
await chrome.kill(); await server.stop();
