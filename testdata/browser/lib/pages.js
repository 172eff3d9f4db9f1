// The pages the browser tests visit: one of each kind, in every language.
// They are named by their English URL; the other languages' URLs are read
// from the page's <link rel="alternate" hreflang>, so that a changed
// Finnish slug needs no change here. A page that is missing fails the
// tests: it is never skipped.
import fs from 'node:fs';
import path from 'node:path';

const kinds = [
  ['home', 'en/'],
  ['section list', 'en/commitments/'],
  ['action plan list', 'en/commitments/2023-2027/'],
  ['good practices index', 'en/good-practices/'],
  ['facet index', 'en/good-practices/themes/'],
  ['facet page', 'en/good-practices/themes/dialogue/'],
  ['practice', 'en/good-practices/lockdown-dialogues/'],
  ['commitment', 'en/commitments/2023-2027/commitment-1/'],
  ['commitment with IRM review', 'en/commitments/2019-2023/fi0034-dialogues/'],
  ['measure', 'en/commitments/2023-2027/measure-1-1/'],
  ['declaration', 'en/innovation-declaration/'],
  ['accessibility statement', 'en/accessibility-statement/'],
  ['about', 'en/about/'],
];

// pages returns [{name, path, status, skipLink}] for the site built into
// dir for base; path is relative to base. The root pages (the language
// chooser and the root 404, which offers every language) have no header to
// skip, and so no skip link.
export function pages(dir, base) {
  const out = [{ name: 'root chooser', path: '', status: 200, skipLink: false }];
  for (const [kind, en] of kinds) {
    const file = path.join(dir, en, 'index.html');
    if (!fs.existsSync(file)) throw new Error(`the ${kind} page /${en} was not built: update testdata/browser/lib/pages.js`);
    const html = fs.readFileSync(file, 'utf8');
    const langs = new Set();
    for (const m of html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)) {
      if (m[1] === 'x-default' || langs.has(m[1])) continue;
      langs.add(m[1]);
      if (!m[2].startsWith(base)) throw new Error(`/${en}: alternate ${m[2]} is not below ${base}`);
      out.push({ name: `${kind} (${m[1]})`, path: m[2].slice(base.length), status: 200, skipLink: true });
    }
    if (langs.size < 2) throw new Error(`/${en} has no translation: pick a translated ${kind} page in testdata/browser/lib/pages.js`);
  }
  out.push({ name: '404 (root)', path: 'no-such-page/', status: 404, skipLink: false });
  for (const lang of fs.readdirSync(dir).filter((d) => fs.existsSync(path.join(dir, d, '404.html'))).sort()) {
    out.push({ name: `404 (${lang})`, path: `${lang}/no-such-page/`, status: 404, skipLink: true });
  }
  return out;
}

// The shipped site is translated throughout; a second build leaves out one
// English translation, to test what then appears: the notice "this page is
// not available in English" and a practice card in Finnish on an English
// list.
export const untranslated = 'content/good-practices/lockdown-dialogues.en.md';

export function untranslatedPages(shipped) {
  const fi = shipped.find((p) => p.name === 'practice (fi)');
  return [
    { name: 'practice without English, with the notice (fi)', path: fi.path, status: 200, skipLink: true, shows: '.notice' },
    { name: 'practice list with a card in Finnish (en)', path: 'en/good-practices/', status: 200, skipLink: true, shows: '.lang-badge' },
  ];
}

// The shipped lists fit on one page; a third build shows four entries a
// page, so that the pager is tested: the second page of the listing, of a
// facet value and of a commitment's practices (its English URL; the
// Finnish one is read from its alternates).
export const paginate = 4;
export const pagedKinds = [
  ['listing, second page', 'en/good-practices/page/2/'],
  ['facet value, second page', 'en/good-practices/themes/dialogue/page/2/'],
];

export function pagedPages(dir, base) {
  const out = [];
  for (const [kind, en] of pagedKinds) {
    const file = path.join(dir, en, 'index.html');
    if (!fs.existsSync(file)) throw new Error(`the ${kind} page /${en} was not built with paginate = ${paginate}: update testdata/browser/lib/pages.js`);
    const html = fs.readFileSync(file, 'utf8');
    for (const m of html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)) {
      if (m[1] === 'x-default') continue;
      out.push({ name: `${kind} (${m[1]})`, path: m[2].slice(base.length), status: 200, skipLink: true, shows: 'nav.pager a[aria-current="page"]' });
    }
  }
  return out;
}

export const viewports = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 900 },
};
