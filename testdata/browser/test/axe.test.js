// axe-core in Chromium, WCAG 2.0 and 2.1 A and AA rules, on every kind of
// page in every language, at phone and desktop widths: zero violations.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { eachPage, suite } from '../lib/suite.js';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const options = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  resultTypes: ['violations'],
  // No rule is switched off.
  rules: {},
};

// Top-level await: the site and the page list exist before the tests are
// declared, so each page is a test of its own.
const s = await suite();

function describeViolations(violations) {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.helpUrl}\n` +
    v.nodes.map((n) => `    ${n.target.join(' ')}\n      ${n.failureSummary.replaceAll('\n', '\n      ')}`).join('\n')).join('\n');
}

async function runAxe(page) {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate((opts) => window.axe.run(document, opts), options);
}

test('axe finds violations where there are some', async () => {
  const page = await s.browser.newPage({ bypassCSP: true }); // axe is injected inline
  try {
    await page.goto(s.site.base + 'en/', { waitUntil: 'load' });
    await page.evaluate(() => {
      document.querySelector('main').insertAdjacentHTML('beforeend', '<img src="x.png"><p style="color:#ccc">faint</p><a href="/"></a>');
    });
    const ids = (await runAxe(page)).violations.map((v) => v.id).sort();
    assert.deepEqual(ids, ['color-contrast', 'image-alt', 'link-name']);
  } finally {
    await page.close();
  }
});

eachPage(s, 'axe', async (page, p, width) => {
  if (p.shows) assert.ok(await page.locator(p.shows).count() > 0, `/${p.path} has no ${p.shows}`);
  const result = await runAxe(page);
  assert.equal(result.violations.length, 0, `axe violations on /${p.path} at ${width} width:\n${describeViolations(result.violations)}`);
});
