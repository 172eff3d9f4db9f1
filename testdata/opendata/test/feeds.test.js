// The Atom feeds: every atom.xml the build writes parses as Atom 1.0 with
// @rowanmanning/feed-parser and has what RFC 4287 requires (feed and entry
// id, title, updated; a link; an author); the section and every theme
// page link their own feed with rel="alternate", and a theme's feed lists
// exactly the practices its page lists.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFeed } from '@rowanmanning/feed-parser';
import { build } from '../lib/site.js';

const base = 'https://example.org/opengov/';
let site;

before(() => {
  site = build(base);
});
after(() => site?.remove());

// feedLinks returns the hrefs of a page's <link rel="alternate"
// type="application/atom+xml">.
function feedLinks(html) {
  return [...html.matchAll(/<link\b[^>]*>/g)].map((m) => m[0])
    .filter((l) => /\brel="?alternate\b/.test(l) && /application\/atom\+xml/.test(l))
    .map((l) => l.match(/\bhref="?([^"\s>]+)/)[1]);
}


test('every feed parses as Atom 1.0 with the elements RFC 4287 requires', () => {
  const feeds = site.files('atom.xml');
  assert.ok(feeds.length >= 10, `${feeds.length} feeds`);
  for (const file of feeds) {
    const xml = site.read(file);
    const feed = parseFeed(xml);
    assert.equal(feed.meta.type, 'atom', file);
    assert.equal(feed.meta.version, '1.0', file);
    assert.ok(feed.title, `${file}: feed title`);
    assert.equal(feed.self, base + file, `${file}: rel="self"`);
    assert.equal(feed.url, base + file.replace(/atom\.xml$/, ''), `${file}: rel="alternate"`);
    assert.ok(feed.updated instanceof Date && !isNaN(feed.updated), `${file}: feed updated`);
    assert.ok(feed.authors.length > 0 && feed.authors[0].name, `${file}: feed author`);
    assert.match(xml, /<id>[^<]+<\/id>/, `${file}: feed id`);
    assert.ok(feed.items.length > 0, `${file}: entries`);
    for (const item of feed.items) {
      assert.ok(item.id?.startsWith(base), `${file}: entry id ${item.id}`);
      assert.ok(item.title, `${file}: entry title`);
      assert.ok(item.updated instanceof Date && !isNaN(item.updated), `${file}: entry updated`);
      assert.ok(item.url?.startsWith(base), `${file}: entry link`);
      assert.ok(site.exists(item.url.slice(base.length) + 'index.html'), `${file}: ${item.url} exists`);
    }
  }
});

test('each theme page links its own feed, which lists the practices of that theme', () => {
  for (const [lang, section, themes] of [['en', 'en/good-practices/', 'themes/'], ['fi', 'fi/hyvat-kaytannot/', 'teemat/']]) {
    const themePages = site.files('index.html').filter((f) => f.startsWith(section + themes) && f !== section + themes + 'index.html');
    assert.ok(themePages.length >= 5, `${lang}: ${themePages.length} theme pages`);
    for (const page of themePages) {
      const dir = page.replace(/index\.html$/, '');
      const html = site.read(page);
      const links = feedLinks(html);
      assert.ok(links.includes('/opengov/' + dir + 'atom.xml'), `${page} links ${links}`);
      assert.ok(links.includes('/opengov/' + section + 'atom.xml'), `${page} links the section feed too: ${links}`);
      const feed = parseFeed(site.read(dir + 'atom.xml'));
      assert.equal(feed.language, lang);
      // The theme is the category every entry has; the export's records
      // of that theme are the feed's entries, newest first as listed.
      const common = feed.items.map((i) => i.categories.map((c) => c.term))
        .reduce((a, b) => a.filter((t) => b.includes(t)));
      const records = JSON.parse(site.read(`data/good-practices.${lang}.json`)).practices;
      const match = common.some((theme) => {
        const urls = records.filter((r) => r.themes.includes(theme)).map((r) => r.url);
        return urls.length === feed.items.length && feed.items.every((i) => urls.includes(i.url));
      });
      assert.ok(match, `${dir}atom.xml lists the practices of one of its themes (${common})`);
      const dates = feed.items.map((i) => i.published.getTime());
      assert.deepEqual(dates, [...dates].sort((a, b) => b - a), 'newest first');
    }
  }
});

test('the open data theme feed has only open data practices', () => {
  const feed = parseFeed(site.read('en/good-practices/themes/open-data/atom.xml'));
  assert.ok(feed.items.length > 0);
  for (const item of feed.items) {
    assert.ok(item.categories.some((c) => c.term === 'open-data'), `${item.url} is about open data`);
  }
  const all = parseFeed(site.read('en/good-practices/atom.xml'));
  assert.ok(all.items.length > feed.items.length, 'the section feed has every practice');
});
