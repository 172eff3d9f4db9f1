// The search page as a visitor uses it, in Chromium, under a sub-path:
// axe (WCAG 2.0, 2.1 and 2.2 A and AA) on the page empty, with results and
// with filters set, at phone and desktop widths, in both languages; the
// keyboard alone from the header's field to a result and back, with the
// state restored; the state in the URL and the back button; counts that
// follow the filters; an empty query with filters; and the form without
// JavaScript.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import { launch } from '../lib/browser.js';
import { viewports } from '../lib/pages.js';
import { searchPath, serveSub } from '../lib/search.js';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const axeOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  resultTypes: ['violations'],
};

const site = await serveSub();
let browser;
before(async () => { browser = await launch(); });
after(async () => {
  await browser?.close();
  await site.close();
});

// settled waits until the latest search has shown its results (the list
// is aria-busy from the moment a search starts, which is when the URL
// changes) and its count matches pattern.
async function settled(page, pattern) {
  await page.waitForFunction((re) => !document.getElementById('search-list').hasAttribute('aria-busy') &&
    new RegExp(re).test(document.getElementById('search-status').textContent), pattern.source);
}

const shown = async (page) => Number((await page.locator('#search-status').textContent()).match(/\d+/)[0]);

const results = { fi: /^\d+ tulos(ta)?$/, en: /^\d+ results?$/ };

const states = [
  ['empty', ''],
  ['with results', '?q=dialogi'],
  ['with filters', '?q=&theme=dialogue&level=national'],
];

for (const [width, viewport] of Object.entries(viewports)) {
  describe(`axe on the search page at ${width} width`, () => {
    let context;
    before(async () => { context = await browser.newContext({ viewport, reducedMotion: 'reduce', bypassCSP: true }); });
    after(async () => { await context?.close(); });
    for (const lang of ['fi', 'en']) {
      for (const [name, query] of states) {
        test(`${lang}, ${name}`, async () => {
          const page = await context.newPage();
          try {
            await page.goto(site.base + searchPath[lang] + query, { waitUntil: 'load' });
            if (query) await settled(page, results[lang]);
            else await page.waitForFunction(() => document.querySelector('.search-filters .n'));
            if (query) assert.ok(await page.locator('#search-list li').count() > 0, 'no results shown');
            await page.evaluate(axeSource);
            const r = await page.evaluate((o) => window.axe.run(document, o), axeOptions);
            assert.deepEqual(r.violations.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
          } finally {
            await page.close();
          }
        });
      }
    }
  });
}

// press presses Tab until the focused element matches selector, checking
// that every stop on the way shows its focus; it fails after limit stops.
async function tabTo(page, selector, limit = 80) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate((sel) => {
      const el = document.activeElement;
      const cs = getComputedStyle(el);
      return {
        match: el.matches(sel),
        shown: el.matches(':focus-visible') && (cs.outlineStyle !== 'none' || cs.boxShadow !== 'none'),
        what: el.outerHTML.slice(0, 80),
      };
    }, selector);
    assert.ok(stop.shown, `focus not shown on ${stop.what}`);
    if (stop.match) return;
  }
  assert.fail(`Tab never reached ${selector}`);
}

for (const [width, viewport] of Object.entries(viewports)) {
  test(`keyboard only at ${width} width: header field, filter, result, back`, async () => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    try {
      await page.goto(site.base + 'en/', { waitUntil: 'load' });
      await tabTo(page, '#header-search-q');
      await page.keyboard.type('dialogue');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/opengov\/en\/search\/\?q=dialogue$/);
      await settled(page, results.en);
      const before = await shown(page);
      assert.equal(await page.inputValue('#search-q'), 'dialogue');

      // On a phone the filters are folded: open them from the keyboard.
      if (!(await page.locator('#search-filters').evaluate((d) => d.open))) {
        await tabTo(page, '#search-filters summary');
        await page.keyboard.press('Enter');
      }
      await tabTo(page, '#f-level-national');
      await page.keyboard.press('Space');
      await page.waitForURL(/\?q=dialogue&level=national$/);
      await settled(page, results.en);
      const filtered = await shown(page);
      assert.ok(filtered > 0 && filtered < before, `${filtered} results with the filter, ${before} without`);
      assert.equal(await page.locator('#search-list li').count(), Math.min(filtered, 20));

      await tabTo(page, '#search-list a');
      const href = await page.evaluate(() => document.activeElement.href);
      await page.keyboard.press('Enter');
      await page.waitForURL(href);
      await page.goBack(); // the browser's back button
      await page.waitForURL(/\?q=dialogue&level=national$/);
      await settled(page, results.en);
      assert.equal(await page.inputValue('#search-q'), 'dialogue');
      assert.ok(await page.isChecked('#f-level-national'));
      assert.equal(await shown(page), filtered);

      // Back again: the state before the filter.
      await page.goBack();
      await page.waitForURL(/\?q=dialogue$/);
      await settled(page, new RegExp(`^${before} results?$`));
      assert.ok(!(await page.isChecked('#f-level-national')));
    } finally {
      await context.close();
    }
  });
}

test('counts follow the query and the filters; an empty query with filters lists the practices', async () => {
  const page = await browser.newPage();
  try {
    const count = (id) => page.locator(`label[for="${id}"] .n`).textContent();
    await page.goto(site.base + searchPath.en, { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector('label[for="f-level-national"] .n'));
    const all = await count('f-country-FI');
    await page.check('#f-country-SE');
    await settled(page, results.en);
    assert.equal(await page.locator('#search-status').textContent(), '1 result');
    assert.equal(await page.locator('#search-list li').count(), 1);
    assert.match(await page.locator('#search-list a').getAttribute('href'), /\/en\/good-practices\/sweden-regulatory-greenhouses\/$/);
    // Within the country filter, the other countries keep their counts;
    // the levels now count Swedish practices only.
    assert.equal(await count('f-country-FI'), all);
    assert.equal(await count('f-level-national'), '(1)');
    assert.equal(new URL(page.url()).search, '?country=SE');
    await page.fill('#search-q', 'greenhouses');
    await page.waitForURL(/\?q=greenhouses&country=SE$/);
    await page.fill('#search-q', 'youth');
    await page.waitForURL(/\?q=youth&country=SE$/);
    await settled(page, /^0 results$/);
  } finally {
    await page.close();
  }
});

test('Pagefind loads in steps: its script on focus, the rest with the first query, the counts\' data only while the filters are open', async () => {
  const context = await browser.newContext({ viewport: viewports.phone });
  const page = await context.newPage();
  const fetched = [];
  page.on('request', (r) => { if (r.url().includes('/pagefind/')) fetched.push(r.url().replace(/^.*\/pagefind\//, '')); });
  try {
    await page.goto(site.base + searchPath.en, { waitUntil: 'networkidle' });
    assert.deepEqual(fetched, [], 'fetched before the form was used');
    await page.focus('#search-q');
    await page.waitForLoadState('networkidle');
    assert.deepEqual(fetched, ['pagefind.js']);
    await page.keyboard.type('dialogue');
    await settled(page, results.en);
    await page.waitForLoadState('networkidle');
    assert.ok(fetched.some((f) => /^wasm\.en\.pagefind$/.test(f)), fetched.join(', '));
    assert.ok(fetched.some((f) => /^pagefind\.en_\w+\.pf_meta$/.test(f)), fetched.join(', '));
    // On a phone the filters are folded: no counts, nor their data, nor Pagefind's filters.
    assert.ok(!(await page.locator('#search-filters').evaluate((d) => d.open)));
    assert.ok(!fetched.some((f) => f.startsWith('facets.') || f.startsWith('filter/')), fetched.join(', '));
    assert.equal(await page.locator('label[for="f-level-national"] .n').textContent(), '');
    await page.locator('#search-filters summary').click();
    await page.waitForFunction(() => document.querySelector('label[for="f-level-national"] .n').textContent !== '');
    assert.ok(fetched.includes('facets.en.json'), fetched.join(', '));
    assert.ok(!fetched.some((f) => f.startsWith('filter/')), fetched.join(', '));
  } finally {
    await context.close();
  }
});

test('without JavaScript the form submits to the search page, which links the facet pages', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    await page.goto(site.base + 'fi/', { waitUntil: 'load' });
    await page.fill('#header-search-q', 'nuoret');
    await page.press('#header-search-q', 'Enter');
    await page.waitForURL(/\/opengov\/fi\/haku\/\?q=nuoret$/);
    await page.check('#f-theme-youth');
    await page.locator('.search-filters button').click();
    await page.waitForURL(/\?q=&theme=youth$/);
    const links = await page.locator('.search-nojs a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(links.includes('/opengov/fi/hyvat-kaytannot/teemat/'), links.join(', '));
    for (const href of links) {
      const res = await page.request.get(new URL(href, site.base).href);
      assert.equal(res.status(), 200, href);
    }
  } finally {
    await context.close();
  }
});
