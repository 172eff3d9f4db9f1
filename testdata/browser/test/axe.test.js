// axe-core in Chromium, WCAG 2.0 and 2.1 A and AA rules, on every kind of
// page in every language, at phone and desktop widths: zero violations.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import { launch } from '../lib/browser.js';
import { pages, untranslated, untranslatedPages, viewports } from '../lib/pages.js';
import { serve } from '../lib/site.js';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const options = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  resultTypes: ['violations'],
  // No rule is switched off.
  rules: {},
};

// Top-level await: the site and the page list exist before the tests are
// declared, so each page is a test of its own.
const site = await serve();
const partial = await serve({ remove: [untranslated] });
const shipped = pages(site.dir, site.base);
const list = [
  ...shipped.map((p) => ({ ...p, base: site.base })),
  ...untranslatedPages(shipped).map((p) => ({ ...p, base: partial.base })),
];
let browser;

before(async () => { browser = await launch(); });
after(async () => {
  await browser?.close();
  await site.close();
  await partial.close();
});

function describeViolations(violations) {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.helpUrl}\n` +
    v.nodes.map((n) => `    ${n.target.join(' ')}\n      ${n.failureSummary.replaceAll('\n', '\n      ')}`).join('\n')).join('\n');
}

async function runAxe(page) {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate((opts) => window.axe.run(document, opts), options);
}

test('axe finds violations where there are some', async () => {
  const page = await browser.newPage();
  try {
    await page.goto(site.base + 'en/', { waitUntil: 'load' });
    await page.evaluate(() => {
      document.querySelector('main').insertAdjacentHTML('beforeend', '<img src="x.png"><p style="color:#ccc">faint</p><a href="/"></a>');
    });
    const ids = (await runAxe(page)).violations.map((v) => v.id).sort();
    assert.deepEqual(ids, ['color-contrast', 'image-alt', 'link-name']);
  } finally {
    await page.close();
  }
});

for (const [width, viewport] of Object.entries(viewports)) {
  describe(`axe at ${width} width (${viewport.width}x${viewport.height})`, () => {
    let context;
    before(async () => { context = await browser.newContext({ viewport, reducedMotion: 'reduce' }); });
    after(async () => { await context?.close(); });

    for (const p of list) {
      test(`${p.name}: /${p.path}`, async () => {
        const page = await context.newPage();
        try {
          const res = await page.goto(p.base + p.path, { waitUntil: 'load' });
          assert.equal(res.status(), p.status, `HTTP status of /${p.path}`);
          if (p.shows) assert.ok(await page.locator(p.shows).count() > 0, `/${p.path} has no ${p.shows}`);
          const result = await runAxe(page);
          assert.equal(result.violations.length, 0, `axe violations on /${p.path} at ${width} width:\n${describeViolations(result.violations)}`);
        } finally {
          await page.close();
        }
      });
    }
  });
}
