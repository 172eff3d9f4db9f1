// Serves a built site gzip-compressed (HTML, CSS, JS and JSON; Pagefind's
// index files are compressed already) and measures in Chromium, for the
// search page of each language, the bytes transferred by the page and its
// assets, by Pagefind's start-up (which the page begins when the visitor
// focuses the form), and for a typical query (one word, then the first
// page of results with their excerpts).
// Usage: node bench/search-transfer.mjs BUILT_SITE_FOLDER
// The folder must be built for the root of any host (the default base URL
// works: every link is root-relative).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { launch } from '../testdata/browser/lib/browser.js';

const root = path.resolve(process.argv[2] ?? '');
if (!fs.existsSync(path.join(root, 'pagefind'))) {
  console.error('usage: node bench/search-transfer.mjs BUILT_SITE_FOLDER (with pagefind/)');
  process.exit(2);
}
const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json' };
let sent = 0;
let requests = 0;
const server = http.createServer((req, res) => {
  let rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (rel.endsWith('/')) rel += 'index.html';
  const file = path.join(root, path.normalize(rel));
  if (!file.startsWith(root) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404);
    res.end();
    return;
  }
  let body = fs.readFileSync(file);
  const type = types[path.extname(file)];
  const headers = { 'Content-Type': type ?? 'application/octet-stream' };
  if (type && /gzip/.test(req.headers['accept-encoding'] ?? '')) {
    body = zlib.gzipSync(body, { level: 6 });
    headers['Content-Encoding'] = 'gzip';
  }
  headers['Content-Length'] = body.length;
  res.writeHead(200, headers);
  res.end(body);
  sent += body.length;
  requests++;
  if (process.env.VERBOSE) console.log(`  ${body.length}\t${rel}`);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}/`;

const queries = { fi: ['fi/haku/', 'osallisuus'], en: ['en/search/', 'participation'] };
const browser = await launch();
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
try {
  for (const [lang, [page, query]] of Object.entries(queries)) {
    const context = await browser.newContext();
    const tab = await context.newPage();
    sent = 0;
    requests = 0;
    await tab.goto(base + page, { waitUntil: 'networkidle' });
    const before = { sent, requests };
    sent = 0;
    requests = 0;
    // Pagefind loads when the visitor turns to the form.
    await tab.focus('#search-q');
    await tab.waitForLoadState('networkidle');
    await tab.waitForTimeout(500);
    const startup = { sent, requests };
    sent = 0;
    requests = 0;
    await tab.fill('#search-q', query);
    await tab.waitForFunction(() => !document.getElementById('search-list').hasAttribute('aria-busy') && document.querySelector('#search-list li'));
    await tab.waitForLoadState('networkidle');
    const status = await tab.locator('#search-status').textContent();
    console.log(`${lang}: the page ${kb(before.sent)} in ${before.requests} requests; ` +
      `Pagefind's start-up on focus ${kb(startup.sent)} in ${startup.requests}; ` +
      `before the first query ${kb(before.sent + startup.sent)}; ` +
      `the query "${query}" (${status}) ${kb(sent)} in ${requests} requests`);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
