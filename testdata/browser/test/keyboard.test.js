// Keyboard use in Chromium, on every kind of page in every language at
// phone and desktop widths: the skip link is the first tab stop, shows
// when focused and moves focus to the main content; every element that
// Tab reaches is visibly outlined (a focus outline or box-shadow ring) and
// on screen.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eachPage, suite } from '../lib/suite.js';

const s = await suite();

// focused describes document.activeElement, or returns null when focus is
// on no element (the body) or on one seen before (Tab has wrapped around).
function focused() {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  if (el.dataset.tabSeen) return null;
  el.dataset.tabSeen = '1';
  const cs = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  const text = (el.textContent || el.getAttribute('aria-label') || '').trim().replace(/\s+/g, ' ').slice(0, 50);
  return {
    what: `<${el.tagName.toLowerCase()}${el.id ? ` id="${el.id}"` : ''}${el.className ? ` class="${el.className}"` : ''}> "${text}"`,
    skipLink: el.classList.contains('skip-link'),
    focusVisible: el.matches(':focus-visible'),
    outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2 ? `${cs.outlineWidth} ${cs.outlineStyle} ${cs.outlineColor}` : '',
    boxShadow: cs.boxShadow !== 'none' ? cs.boxShadow : '',
    onScreen: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
  };
}

// tabStops presses Tab until focus leaves the page or wraps around, and
// describes each element it reached.
async function tabStops(page) {
  const stops = [];
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(focused);
    if (!stop) break;
    stops.push(stop);
  }
  return stops;
}

const badStop = (s) => !s.focusVisible || !(s.outline || s.boxShadow) || !s.onScreen;

test('the check finds focus that is not shown', async () => {
  const context = await s.browser.newContext({ bypassCSP: true }); // the style is injected inline
  try {
    const page = await context.newPage();
    await page.goto(s.site.base + 'en/', { waitUntil: 'load' });
    await page.addStyleTag({ content: '*:focus-visible { outline: none !important; box-shadow: none !important; }' });
    const stops = await tabStops(page);
    assert.ok(stops.length > 10, `only ${stops.length} tab stops on /en/`);
    assert.equal(stops.filter(badStop).length, stops.length);
  } finally {
    await context.close();
  }
});

eachPage(s, 'keyboard', async (page, p) => {
  const stops = await tabStops(page);
  assert.ok(stops.length > 0, 'Tab reaches no element');
  if (p.skipLink) {
    assert.ok(stops[0].skipLink, `the first tab stop is ${stops[0].what}, not the skip link`);
  }
  const bad = stops.filter(badStop);
  assert.deepEqual(bad, [], `tab stops without a visible focus indicator, or off screen, of ${stops.length}`);

  if (p.skipLink) {
    await page.goto(p.base + p.path, { waitUntil: 'load' });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main', 'the skip link moves focus to <main id="main">');
    await page.keyboard.press('Tab');
    assert.ok(await page.evaluate(() => document.activeElement?.closest('main') !== null),
      'after the skip link, Tab goes to the main content');
  }
});
