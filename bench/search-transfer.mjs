// Serves a built site gzip-compressed (HTML, CSS, JS and JSON; Pagefind's
// index files are compressed already) and measures in Chromium (1280 px
// wide, so the filters are open), for the search page of each language,
// the bytes transferred before the first query: the page and its assets,
// and what the page fetches when the visitor focuses the form (Pagefind's
// script); then for a typical first query (one word, typed), until its
// first page of results is shown (Pagefind's WebAssembly and metadata,
// the word's index chunks and the results' excerpts), and the pages'
// filter values fetched after it for the counts beside the filter values;
// and the bytes of a second query.
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
let countSent = 0; // of sent, the pages' filter values for the counts (facets.<lang>.json)
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
  if (/\/pagefind\/facets\.[a-z]+\.json$/.test(rel)) countSent += body.length;
  if (process.env.VERBOSE) console.log(`  ${body.length}\t${rel}`);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}/`;

const queries = { fi: ['fi/haku/', 'osallisuus', 'avoimuus'], en: ['en/search/', 'participation', 'openness'] };
const browser = await launch();
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
try {
  for (const [lang, [page, query, second]] of Object.entries(queries)) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const tab = await context.newPage();
    const reset = () => {
      const r = { sent, requests, countSent };
      sent = 0;
      requests = 0;
      countSent = 0;
      return r;
    };
    reset();
    await tab.goto(base + page, { waitUntil: 'networkidle' });
    const before = reset();
    await tab.focus('#search-q');
    await tab.waitForLoadState('networkidle');
    await tab.waitForTimeout(500);
    const focus = reset();
    const run = async (q) => {
      await tab.fill('#search-q', q);
      await tab.waitForFunction(() => !document.getElementById('search-list').hasAttribute('aria-busy') && document.querySelector('#search-list li'));
      // the counts come after the results
      await tab.waitForFunction(() => document.querySelector('.search-filters .n')?.textContent !== '');
      await tab.waitForLoadState('networkidle');
      await tab.waitForTimeout(300);
      return { all: reset(), status: await tab.locator('#search-status').textContent() };
    };
    const first = await run(query);
    const next = await run(second);
    console.log(`${lang}: before the first query ${kb(before.sent + focus.sent)} ` +
      `(the page ${kb(before.sent)} in ${before.requests} requests, on focus ${kb(focus.sent)} in ${focus.requests}); ` +
      `the first query "${query}" (${first.status}) ${kb(first.all.sent)} in ${first.all.requests} requests: ` +
      `of them ${kb(first.all.countSent)} the pages' filter values for the counts, fetched after the results were shown; ` +
      `a second query "${second}" (${next.status}) ${kb(next.all.sent)} in ${next.all.requests}`);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
