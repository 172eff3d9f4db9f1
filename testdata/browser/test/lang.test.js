// The language of parts (WCAG 2.1 SC 3.1.2), on the built site in
// Chromium: every name of content/_glossary.toml, wherever it appears in
// the text of any page (bodies, titles, cards, facts, breadcrumbs), is
// inside an element whose lang is the name's language, so that a screen
// reader reads it with the right voice. Every HTML file of the shipped
// build is read, and those of the build without one English translation,
// which shows a Finnish practice card on English lists.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { launch } from '../lib/browser.js';
import { untranslated } from '../lib/pages.js';
import { htmlFiles, repoRoot, serve } from '../lib/site.js';

// names reads the glossary's [[names]] entries (text = "...", lang = "...").
// The file is the site's own, in the one form it is written in; an entry
// that this reader cannot read fails the test rather than being skipped.
function names() {
  const src = fs.readFileSync(path.join(repoRoot, 'content', '_glossary.toml'), 'utf8');
  const blocks = src.split(/^\[\[names\]\]\s*$/m).slice(1);
  const out = blocks.map((b) => ({
    text: b.match(/^text\s*=\s*"([^"]*)"/m)?.[1],
    lang: b.match(/^lang\s*=\s*"([^"]*)"/m)?.[1],
  }));
  for (const n of out) assert.ok(n.text && n.lang, `cannot read a glossary entry: ${JSON.stringify(n)}`);
  assert.ok(out.length >= 2, 'the glossary has fewer than two names');
  return out;
}

// occurrences runs in the page: it finds each glossary name in the text
// of the body (as a whole word, outside code) and returns where it is,
// with the language of the nearest element that has a lang.
function occurrences(list) {
  const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const res = list.map((n) => ({ ...n, re: new RegExp(`(?<![\\p{L}\\p{N}])${esc(n.text)}(?![\\p{L}\\p{N}])`, 'u') }));
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    const el = t.parentElement;
    if (!el || el.closest('code, pre, script, style, template')) continue;
    const holder = el.closest('[lang]');
    for (const n of res) {
      if (!n.re.test(t.data)) continue;
      out.push({
        name: n.text,
        want: n.lang,
        got: holder?.getAttribute('lang') ?? '',
        page: document.documentElement.lang,
        where: `<${el.tagName.toLowerCase()}${el.className ? ` class="${el.className}"` : ''}> "${t.data.trim().slice(0, 80)}"`,
      });
    }
  }
  return out;
}

const base = (lang) => lang.toLowerCase().split('-')[0];
const wrong = (o) => base(o.got) !== base(o.want);

const glossary = names();
const site = await serve();
const partial = await serve({ remove: [untranslated] });
let browser;
before(async () => { browser = await launch(); });
after(async () => {
  await browser?.close();
  await site.close();
  await partial.close();
});

// visit opens every HTML file of a build and returns the occurrences.
async function visit(build) {
  const context = await browser.newContext();
  const found = [];
  try {
    const page = await context.newPage();
    for (const file of htmlFiles(build.dir)) {
      const url = build.base + file.replace(/(^|\/)index\.html$/, '$1');
      await page.goto(url, { waitUntil: 'load' });
      for (const o of await page.evaluate(occurrences, glossary)) found.push({ ...o, file });
    }
  } finally {
    await context.close();
  }
  return found;
}

for (const [name, build] of [['the shipped site', site], ['the site without one English translation', partial]]) {
  test(`every glossary name is in an element of its language: ${name}`, async () => {
    const found = await visit(build);
    // The site has Finnish names on English pages and English names on
    // Finnish ones: a check that met none would prove nothing.
    for (const lang of ['fi', 'en']) {
      const foreign = found.filter((o) => base(o.want) === lang && base(o.page) !== lang);
      assert.ok(foreign.length > 0, `no ${lang} glossary name found on a page in another language`);
    }
    const bad = found.filter(wrong);
    assert.deepEqual(bad.map((o) => `/${o.file}: "${o.name}" (${o.want}) is in lang="${o.got}" at ${o.where}`), []);
  });
}

test('the check finds a name whose mark is taken away', async () => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    let caught = 0;
    for (const file of htmlFiles(site.dir)) {
      if (!fs.readFileSync(path.join(site.dir, file), 'utf8').includes('<span lang="')) continue;
      await page.goto(site.base + file.replace(/(^|\/)index\.html$/, '$1'), { waitUntil: 'load' });
      await page.evaluate(() => { for (const s of document.querySelectorAll('span[lang]')) s.removeAttribute('lang'); });
      caught = (await page.evaluate(occurrences, glossary)).filter(wrong).length;
      if (caught > 0) break;
    }
    assert.ok(caught > 0, 'with the spans\' lang attributes removed, no page has an unmarked name');
  } finally {
    await context.close();
  }
});
