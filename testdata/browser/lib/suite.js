// The frame of a browser suite: the site built and served (and a second
// build without one English translation), one browser, and a test for each
// page at each width that opens it and checks its HTTP status.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launch } from './browser.js';
import { paginate, pagedPages, pages, untranslated, untranslatedPages, viewports } from './pages.js';
import { serve } from './site.js';

// suite serves the builds and declares the hooks that start and stop the
// browser; call it with top-level await, so that the pages are known
// before the tests are declared. The returned object's browser is set once
// the tests run.
export async function suite() {
  const site = await serve();
  const partial = await serve({ remove: [untranslated] });
  const paged = await serve({ paginate });
  const shipped = pages(site.dir, site.base);
  const s = {
    site,
    browser: null,
    list: [
      ...shipped.map((p) => ({ ...p, base: site.base })),
      ...untranslatedPages(shipped).map((p) => ({ ...p, base: partial.base })),
      ...pagedPages(paged.dir, paged.base).map((p) => ({ ...p, base: paged.base })),
    ],
  };
  before(async () => { s.browser = await launch(); });
  after(async () => {
    await s.browser?.close();
    await site.close();
    await partial.close();
    await paged.close();
  });
  return s;
}

// eachPage declares, for each width and each page of s, a test that opens
// the page, checks its HTTP status and calls check(page, p, width).
export function eachPage(s, name, check) {
  for (const [width, viewport] of Object.entries(viewports)) {
    describe(`${name} at ${width} width (${viewport.width}x${viewport.height})`, () => {
      let context;
      // bypassCSP: the tests inject axe and styles inline, which the pages'
      // Content-Security-Policy forbids; test/search-csp.test.js checks it.
      before(async () => { context = await s.browser.newContext({ viewport, reducedMotion: 'reduce', bypassCSP: true }); });
      after(async () => { await context?.close(); });
      for (const p of s.list) {
        test(`${p.name}: /${p.path}`, async () => {
          const page = await context.newPage();
          try {
            const res = await page.goto(p.base + p.path, { waitUntil: 'load' });
            assert.equal(res.status(), p.status, `HTTP status of /${p.path}`);
            await check(page, p, width);
          } finally {
            await page.close();
          }
        });
      }
    });
  }
}
