// The Content-Security-Policy: every page the build writes carries it as
// a meta tag and has no inline script or style, and no page in Chromium
// (every kind of page, in every language, and the search page while it
// searches) reports a violation.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch } from '../lib/browser.js';
import { pages } from '../lib/pages.js';
import { cspViolations, searchPath, serveSub, watchCSP } from '../lib/search.js';
import { htmlFiles, repoRoot } from '../lib/site.js';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const policy = `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'`;

const site = await serveSub();
let browser;
let context;
before(async () => {
  browser = await launch();
  context = await browser.newContext();
  await watchCSP(context);
});
after(async () => {
  await browser?.close();
  await site.close();
});

test('every HTML file has the policy and no inline script or style', () => {
  const files = htmlFiles(site.dir);
  assert.ok(files.length > 100, `only ${files.length} HTML files`);
  const bad = [];
  for (const f of files) {
    const html = fs.readFileSync(path.join(site.dir, f), 'utf8');
    if (f.startsWith('admin/')) {
      // The CMS's pages have a policy of their own, relaxed as Decap needs
      // (README, "Content-Security-Policy"); they are tested with the CMS.
      if (!html.includes('<meta http-equiv="Content-Security-Policy"')) bad.push(`${f}: no policy`);
      continue;
    }
    if (!html.includes(`<meta http-equiv="Content-Security-Policy" content="${policy}">`)) bad.push(`${f}: no policy`);
    for (const m of html.matchAll(/<script\b[^>]*>/g)) {
      // A JSON-LD block is data, which no browser runs and CSP does not
      // govern; any other script must come from a file.
      if (!/\bsrc=/.test(m[0]) && !/\btype="?application\/ld\+json/.test(m[0])) bad.push(`${f}: inline ${m[0]}`);
    }
    if (/<style\b/.test(html)) bad.push(`${f}: <style>`);
    if (/\sstyle=/.test(html)) bad.push(`${f}: a style attribute`);
    if (/\son[a-z]+=/.test(html)) bad.push(`${f}: an event-handler attribute`);
  }
  assert.deepEqual(bad, []);
});

test('a violation is reported where there is one', async () => {
  const page = await context.newPage();
  try {
    await page.goto(site.base + 'en/', { waitUntil: 'load' });
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.ran = true';
      document.body.append(s);
      document.body.insertAdjacentHTML('beforeend', '<p style="color:red">x</p>');
    });
    await page.waitForTimeout(100);
    const v = await cspViolations(page);
    assert.ok(v.some((x) => x.startsWith('script-src')), v.join('\n'));
    assert.ok(v.some((x) => x.startsWith('style-src')), v.join('\n'));
  } finally {
    await page.close();
  }
});

const visits = [
  ...pages(site.dir, site.base).map((p) => p.path),
  searchPath.fi, searchPath.en,
  searchPath.fi + '?q=nuorisosuositus&theme=youth', searchPath.en + '?q=dialogue&level=national',
];
for (const p of visits) {
  test(`no violation on /${p}`, async () => {
    const page = await context.newPage();
    try {
      await page.goto(site.base + p, { waitUntil: 'load' });
      if (p.includes('?')) await page.locator('#search-list li').first().waitFor();
      assert.deepEqual(await cspViolations(page), []);
    } finally {
      await page.close();
    }
  });
}

test('opengov serve: the live-reload script and its error overlay keep to the policy', async () => {
  const src = fs.mkdtempSync(path.join(os.tmpdir(), 'opengov-serve-'));
  for (const s of ['site.toml', 'content', 'templates', 'static', 'i18n']) fs.cpSync(path.join(repoRoot, s), path.join(src, s), { recursive: true });
  const serve = spawn('go', ['run', './cmd/opengov', 'serve', '--source', src, '--port', '0'], { cwd: repoRoot, detached: true });
  let log = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`opengov serve did not start:\n${log}`)), 120000);
    serve.stdout.on('data', (b) => {
      log += b;
      const m = log.match(/serving (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    serve.stderr.on('data', (b) => { log += b; });
  });
  const page = await context.newPage();
  try {
    await page.goto(url + 'en/', { waitUntil: 'load' });
    const file = path.join(src, 'content/about.en.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: [unclosed'));
    await page.locator('#opengov-overlay').waitFor({ timeout: 60000 });
    assert.notEqual(await page.locator('#opengov-overlay').evaluate((e) => getComputedStyle(e).position), 'static', 'the overlay has no styles');
    assert.deepEqual(await cspViolations(page), []);
  } finally {
    await page.close();
    process.kill(-serve.pid);
    fs.rmSync(src, { recursive: true, force: true });
  }
});
