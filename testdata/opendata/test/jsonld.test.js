// Every page's schema.org JSON-LD: one application/ld+json block per
// page, expanded with the jsonld processor, whose every type and property
// schema.org defines (lib/schemaorg.json, taken from the vocabulary) and
// whose every property may be used on the node it is on; the page
// properties are there, and translations link each other both ways.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import jsonld from 'jsonld';
import { build } from '../lib/site.js';

const base = 'https://example.org/opengov/';
const vocab = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', 'lib', 'schemaorg.json'), 'utf8'));
const SDO = 'http://schema.org/';

// The context schema.org serves at https://schema.org maps every term to
// its @vocab http://schema.org/ (software/util/sdojsonldcontext.py in
// schema.org's repository), with no type coercion; the loader gives that
// mapping without the network, and refuses any other context.
const documentLoader = async (url) => {
  if (url === 'https://schema.org' || url === 'https://schema.org/') {
    return { contextUrl: null, documentUrl: url, document: { '@context': { '@vocab': SDO, type: '@type', id: '@id' } } };
  }
  throw new Error(`the page's JSON-LD asks for the context ${url}`);
};

let site;
const pages = new Map(); // file -> { html, data, expanded }

before(async () => {
  site = build(base);
  for (const file of site.files('.html')) {
    // The CMS's admin pages are the editors' tool, not pages of the site.
    if (file.startsWith('admin/')) continue;
    const html = site.read(file);
    const blocks = [...html.matchAll(/<script type="?application\/ld\+json"?>(.*?)<\/script>/gs)].map((m) => m[1]);
    let data = null;
    let expanded = null;
    if (blocks.length === 1) {
      data = JSON.parse(blocks[0]);
      expanded = await jsonld.expand(data, { safe: true, documentLoader });
    }
    pages.set(file, { html, blocks, data, expanded });
  }
});
after(() => site?.remove());

// The pages of one language (the root chooser and its 404 page offer
// every language and are tested on their own).
const languagePages = () => [...pages.keys()].filter((f) => /^(fi|en)\//.test(f));

// supertypes returns a type and every type above it.
function supertypes(type, out = new Set()) {
  if (out.has(type)) return out;
  out.add(type);
  for (const s of vocab.types[type] ?? []) supertypes(s, out);
  return out;
}

// checkNode checks an expanded node and the nodes in it; it returns the
// problems found.
function checkNode(node, where, problems) {
  const types = (node['@type'] ?? []).map((t) => {
    if (!t.startsWith(SDO) || !(t.slice(SDO.length) in vocab.types)) problems.push(`${where}: type ${t} is not a schema.org type`);
    return t.slice(SDO.length);
  });
  const allowed = new Set(types.flatMap((t) => [...supertypes(t)]));
  for (const [key, values] of Object.entries(node)) {
    if (key.startsWith('@')) continue;
    const name = key.slice(SDO.length);
    if (!key.startsWith(SDO) || !(name in vocab.properties)) {
      problems.push(`${where}: ${key} is not a schema.org property`);
      continue;
    }
    if (types.length > 0 && !vocab.properties[name].some((d) => allowed.has(d))) {
      problems.push(`${where}: ${name} is not defined for ${types.join(', ')} (its domain: ${vocab.properties[name].join(', ')})`);
    }
    for (const v of values) {
      if (v['@value'] === undefined && v['@id'] === undefined || Object.keys(v).some((k) => !k.startsWith('@'))) {
        checkNode(v, `${where} ${name}`, problems);
      } else if (v['@value'] !== undefined && typeof v['@value'] === 'string' && v['@value'].trim() === '') {
        problems.push(`${where}: ${name} is empty`);
      }
    }
  }
  return problems;
}

// value returns the first value of an expanded property.
const value = (node, name) => node[SDO + name]?.[0]?.['@value'] ?? node[SDO + name]?.[0]?.['@id'];

test('every HTML page has exactly one JSON-LD block, which expands', () => {
  assert.ok(pages.size > 50, `${pages.size} pages`);
  for (const file of pages.keys()) {
    const p = pages.get(file);
    assert.equal(p.blocks.length, 1, `${file} has ${p.blocks.length} application/ld+json blocks`);
    assert.equal(p.expanded.length, 1, file);
  }
});

test('every type and property is schema.org\'s, and used where schema.org allows it', () => {
  const problems = [];
  for (const file of pages.keys()) checkNode(pages.get(file).expanded[0], file, problems);
  assert.deepEqual(problems, []);
});

test('the check knows a property that schema.org does not define or allow', () => {
  const bad = { '@type': [SDO + 'WebPage'], [SDO + 'colour']: [{ '@value': 'blue' }], [SDO + 'itemListElement']: [{ '@value': 'x' }] };
  const problems = checkNode(bad, 'bad', []);
  assert.equal(problems.length, 2, problems.join('\n'));
  assert.equal(checkNode({ '@type': [SDO + 'Practice'] }, 'bad', []).length, 1);
});

test('each page says what it is, in its language, with its URL, publisher, site and breadcrumb', () => {
  for (const file of languagePages()) {
    const lang = file.slice(0, 2);
    const node = pages.get(file).expanded[0];
    const where = file;
    assert.ok(['WebPage', 'CollectionPage', 'ItemPage'].some((t) => node['@type'].includes(SDO + t)), `${where}: ${node['@type']}`);
    assert.ok(value(node, 'name'), `${where}: name`);
    assert.ok(value(node, 'description'), `${where}: description`);
    assert.equal(value(node, 'inLanguage'), lang, `${where}: inLanguage`);
    const publisher = node[SDO + 'publisher'][0];
    assert.deepEqual(publisher['@type'], [SDO + 'GovernmentOrganization'], where);
    assert.equal(value(publisher, 'name'), { fi: 'Valtiovarainministeriö', en: 'Ministry of Finance' }[lang], where);
    const website = node[SDO + 'isPartOf'][0];
    assert.deepEqual(website['@type'], [SDO + 'WebSite'], where);
    assert.equal(value(website, 'url'), `${base}${lang}/`, where);
    if (/\/404\.html$/.test(file)) continue; // not a page with an address
    const url = base + file.replace(/index\.html$/, '');
    assert.equal(node['@id'], url, where);
    assert.equal(value(node, 'url'), url, where);
    assert.match(pages.get(file).html, new RegExp(`<link rel="?canonical"? href="?${url.replace(/[.?]/g, '\\$&')}"?>`), `${where}: url is the canonical URL`);
    const crumbs = node[SDO + 'breadcrumb'][0];
    assert.deepEqual(crumbs['@type'], [SDO + 'BreadcrumbList'], where);
    const items = crumbs[SDO + 'itemListElement'].map((i) => [value(i, 'position'), value(i, 'item')]);
    assert.equal(items[0][1], `${base}${lang}/`, `${where}: the trail starts at home`);
    assert.deepEqual(items.at(-1), [items.length, url], `${where}: the trail ends at the page`);
    items.forEach(([pos], i) => assert.equal(pos, i + 1, where));
    const html = pages.get(file).html;
    if (/<time\b/.test(html.split('<main')[1] ?? '')) {
      assert.match(value(node, 'dateModified') ?? '', /^\d{4}-\d{2}-\d{2}$/, `${where}: a page that shows dates has dateModified`);
    }
  }
});

test('translations link each other both ways', () => {
  let pairs = 0;
  for (const file of languagePages().filter((f) => f.endsWith('index.html'))) {
    const node = pages.get(file).expanded[0];
    const url = node['@id'];
    for (const t of node[SDO + 'workTranslation'] ?? []) {
      const other = pages.get(t['@id'].slice(base.length) + 'index.html');
      assert.ok(other, `${file}: translation ${t['@id']} exists`);
      assert.deepEqual(other.expanded[0][SDO + 'translationOfWork'], [{ '@id': url }], `${t['@id']} says it translates ${url}`);
      pairs++;
    }
    for (const t of node[SDO + 'translationOfWork'] ?? []) {
      const other = pages.get(t['@id'].slice(base.length) + 'index.html');
      assert.ok(other, `${file}: original ${t['@id']} exists`);
      assert.ok((other.expanded[0][SDO + 'workTranslation'] ?? []).some((x) => x['@id'] === url), `${t['@id']} lists ${url} as its translation`);
    }
    // The hreflang alternates and the JSON-LD name the same pages.
    const hreflang = [...pages.get(file).html.matchAll(/<link rel="?alternate"? hreflang="?([a-z-]+)"? href="?([^"\s>]+)/g)]
      .filter((m) => m[1] !== 'x-default' && m[2] !== url).map((m) => m[2]).sort();
    const linked = [...(node[SDO + 'workTranslation'] ?? []), ...(node[SDO + 'translationOfWork'] ?? [])].map((t) => t['@id']).sort();
    assert.deepEqual(linked, hreflang, `${file}: translations`);
  }
  assert.ok(pairs > 30, `${pairs} translated pages`);
});

test('a good practice page describes the practice with its organisation, country, themes and year', () => {
  const records = new Map(JSON.parse(site.read('data/good-practices.en.json')).practices.map((r) => [r.url, r]));
  let seen = 0;
  for (const file of languagePages().filter((f) => f.startsWith('en/good-practices/'))) {
    const node = pages.get(file).expanded[0];
    const record = records.get(node['@id']);
    if (!record || record.language !== 'en') continue;
    seen++;
    assert.deepEqual(node['@type'], [SDO + 'ItemPage'], file);
    const work = node[SDO + 'mainEntity'][0];
    assert.equal(value(work, 'name'), record.title, file);
    if (record.organisation) {
      assert.equal(value(work[SDO + 'creator'][0], 'name'), record.organisation, file);
    } else {
      assert.equal(work[SDO + 'creator'], undefined, `${file}: no organisation, no creator`);
    }
    assert.equal(value(work[SDO + 'countryOfOrigin'][0], 'identifier'), record.country, file);
    assert.equal(work[SDO + 'keywords'].length, record.themes.length, `${file}: one keyword per theme`);
    assert.equal(value(work, 'dateCreated'), record.year ? String(record.year) : undefined, file);
    assert.equal(value(node, 'datePublished'), record.published, file);
    assert.equal(value(node, 'dateModified'), record.updated || record.published, file);
  }
  assert.ok(seen >= 10, `${seen} practices checked`);
});

test('the root page is in every language and has each language\'s site as a part', () => {
  const node = pages.get('index.html').expanded[0];
  assert.equal(node['@id'], base);
  assert.deepEqual(node[SDO + 'inLanguage'].map((v) => v['@value']), ['fi', 'en']);
  assert.deepEqual(node[SDO + 'hasPart'].map((w) => [w['@type'][0], w['@id']]), [[SDO + 'WebSite', base + 'fi/'], [SDO + 'WebSite', base + 'en/']]);
  assert.equal(pages.get('404.html').expanded[0]['@id'], undefined, 'the root 404 page has no address');
});

test('the JSON-LD cannot end its script element', () => {
  for (const file of pages.keys()) {
    const block = pages.get(file).blocks[0];
    assert.ok(!/<\/?script|<!--/i.test(block), file);
  }
});
