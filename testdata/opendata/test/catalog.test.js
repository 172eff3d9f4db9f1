// The DCAT-AP catalog of a build under a sub-path: Turtle and JSON-LD
// parse and are the same graph; it validates against the DCAT-AP 3.0
// shapes, and a catalog with a required property taken away does not; it
// describes the files the build wrote, at their URLs, with their sizes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { build } from '../lib/site.js';
import { Graph, canonical, jsonldQuads, ns, parseTurtle, validate } from '../lib/rdf.js';

const base = 'https://example.org/opengov/';
let site;
let graph;

before(() => {
  site = build(base);
  graph = new Graph(parseTurtle(site.read('data/catalog.ttl'), base + 'data/catalog.ttl'));
});
after(() => site?.remove());

const catalogIRI = () => {
  const c = graph.ofType(ns.dcat + 'Catalog');
  assert.equal(c.length, 1, 'one dcat:Catalog');
  return c[0];
};

test('the Turtle and the JSON-LD are one graph', async () => {
  const fromJSONLD = await jsonldQuads(JSON.parse(site.read('data/catalog.jsonld')));
  assert.ok(graph.quads.length > 100, `the catalog has ${graph.quads.length} triples`);
  assert.equal(fromJSONLD.length, graph.quads.length);
  assert.equal(await canonical(fromJSONLD), await canonical(graph.quads));
});

test('the catalog conforms to the DCAT-AP 3.0 shapes, recommended properties included', async () => {
  const report = await validate(graph.quads);
  assert.deepEqual(report.results, []);
  assert.equal(report.conforms, true);
});

test('taking a mandatory property away fails validation', async (t) => {
  const cat = catalogIRI();
  const dist = graph.ofType(ns.dcat + 'Distribution')[0];
  const agent = graph.ofType(ns.foaf + 'Agent')[0];
  const dataset = graph.ofType(ns.dcat + 'Dataset')[0];
  const cases = [
    ['Catalog title', cat, ns.dct + 'title'],
    ['Catalog description', cat, ns.dct + 'description'],
    ['Catalog publisher', cat, ns.dct + 'publisher'],
    ['Dataset title', dataset, ns.dct + 'title'],
    ['Dataset description', dataset, ns.dct + 'description'],
    ['Distribution access URL', dist, ns.dcat + 'accessURL'],
    ['Agent name', agent, ns.foaf + 'name'],
  ];
  for (const [name, subject, predicate] of cases) {
    await t.test(name, async () => {
      const report = await validate(graph.without(subject, predicate));
      assert.equal(report.conforms, false);
      assert.ok(
        report.results.some((r) => r.severity === 'Violation' && r.focusNode === subject && r.path === predicate),
        JSON.stringify(report.results),
      );
    });
  }
});

test('taking a recommended property away gives a warning', async (t) => {
  const cat = catalogIRI();
  const dataset = graph.ofType(ns.dcat + 'Dataset')[0];
  const dist = graph.ofType(ns.dcat + 'Distribution')[0];
  const cases = [
    ['Catalog licence', cat, ns.dct + 'license'],
    ['Dataset theme', dataset, ns.dcat + 'theme'],
    ['Dataset contact point', dataset, ns.dcat + 'contactPoint'],
    ['Distribution format', dist, ns.dct + 'format'],
  ];
  for (const [name, subject, predicate] of cases) {
    await t.test(name, async () => {
      const report = await validate(graph.without(subject, predicate));
      assert.equal(report.conforms, false);
      assert.deepEqual(report.results.map((r) => [r.severity, r.focusNode, r.path]), [['Warning', subject, predicate]]);
    });
  }
});

test('a second title in one language, or a wrong datatype, is a violation', async () => {
  const cat = catalogIRI();
  const extra = parseTurtle(`<${cat}> <${ns.dct}title> "Toinen otsikko"@fi .
<${graph.ofType(ns.dcat + 'Distribution')[0]}> <${ns.dcat}byteSize> "12 kB" .`);
  const report = await validate([...graph.quads, ...extra]);
  assert.ok(report.results.some((r) => r.path === ns.dct + 'title' && r.severity === 'Violation'), JSON.stringify(report.results));
  assert.ok(report.results.some((r) => r.path === ns.dcat + 'byteSize'), JSON.stringify(report.results));
});

test('titles, descriptions and the publisher\'s name are given in Finnish and in English, once each', () => {
  const cat = catalogIRI();
  const agent = graph.one(cat, ns.dct + 'publisher');
  const subjects = [[cat, ns.dct + 'title'], [cat, ns.dct + 'description'], [agent, ns.foaf + 'name']];
  for (const d of graph.ofType(ns.dcat + 'Dataset')) subjects.push([d, ns.dct + 'title'], [d, ns.dct + 'description']);
  for (const [s, p] of subjects) {
    const langs = graph.objects(s, p).map((o) => o.language).sort();
    assert.deepEqual(langs, ['en', 'fi'], `${s} ${p}`);
  }
  assert.deepEqual(graph.objects(agent, ns.foaf + 'name').map((o) => o.value).sort(), ['Ministry of Finance', 'Valtiovarainministeriö']);
  assert.deepEqual(graph.objects(cat, ns.dct + 'language').map((o) => o.value).sort(), [ns.eu + 'language/ENG', ns.eu + 'language/FIN']);
  assert.equal(graph.one(cat, ns.dct + 'license'), ns.eu + 'licence/CC_BY_4_0');
  assert.equal(graph.one(cat, ns.foaf + 'homepage'), base);
});

test('every export file is a distribution at its URL under the sub-path, with its size, type and licence', () => {
  const exports = site.files('.json').concat(site.files('.csv'))
    .filter((f) => /^data\/(good-practices|commitments)\.[a-z]+\.(json|csv)$/.test(f))
    .sort();
  assert.ok(exports.length >= 8, exports.join(', '));
  const dists = graph.ofType(ns.dcat + 'Distribution');
  const byFile = new Map();
  for (const d of dists) {
    const url = graph.one(d, ns.dcat + 'downloadURL');
    assert.equal(graph.one(d, ns.dcat + 'accessURL'), url);
    assert.ok(url.startsWith(base + 'data/'), url);
    byFile.set(url.slice(base.length), d);
  }
  assert.deepEqual([...byFile.keys()].sort(), exports);
  for (const [file, d] of byFile) {
    const ext = file.split('.').pop();
    const lang = file.split('.')[1];
    assert.equal(Number(graph.one(d, ns.dcat + 'byteSize')), site.size(file), `${file} byte size`);
    assert.equal(graph.objects(d, ns.dcat + 'byteSize')[0].datatype.value, ns.xsd + 'nonNegativeInteger');
    assert.equal(graph.one(d, ns.dct + 'format'), ns.eu + 'file-type/' + ext.toUpperCase());
    assert.equal(graph.one(d, ns.dcat + 'mediaType'), 'http://www.iana.org/assignments/media-types/' + (ext === 'json' ? 'application/json' : 'text/csv'));
    assert.equal(graph.one(d, ns.dct + 'license'), ns.eu + 'licence/CC_BY_4_0');
    assert.equal(graph.one(d, ns.dct + 'language'), ns.eu + 'language/' + { fi: 'FIN', en: 'ENG' }[lang]);
    const schemas = graph.objects(d, ns.dct + 'conformsTo').map((o) => o.value);
    if (file.startsWith('data/good-practices.') && ext === 'json') {
      assert.deepEqual(schemas, [base + 'data/good-practice.schema.json']);
      assert.ok(site.exists('data/good-practice.schema.json'));
    } else {
      assert.deepEqual(schemas, [], `${file} conforms to no schema`);
    }
  }
});

test('every IRI of the site is under the sub-path, and every page it names exists', () => {
  for (const q of graph.quads) {
    for (const term of [q.subject, q.object]) {
      if (term.termType !== 'NamedNode' || !term.value.startsWith('https://example.org/')) continue;
      assert.ok(term.value.startsWith(base), term.value);
    }
  }
  for (const d of graph.ofType(ns.dcat + 'Dataset')) {
    const pages = graph.objects(d, ns.dcat + 'landingPage').map((o) => o.value);
    assert.equal(pages.length, 2, d);
    for (const p of pages) assert.ok(site.exists(p.slice(base.length) + 'index.html'), p);
  }
});

test('the good practices dataset takes its dates, countries and years from the content', () => {
  const records = ['fi', 'en'].flatMap((l) => JSON.parse(site.read(`data/good-practices.${l}.json`)).practices);
  const published = records.map((r) => r.published).sort();
  const modified = records.map((r) => r.updated || r.published).sort();
  const d = base + 'data/catalog.ttl#good-practices';
  assert.equal(graph.one(d, ns.dct + 'issued'), published[0]);
  assert.equal(graph.one(d, ns.dct + 'modified'), modified.at(-1));
  const alpha3 = { FI: 'FIN', SE: 'SWE', NO: 'NOR', IE: 'IRL', ES: 'ESP' };
  const countries = [...new Set(records.map((r) => ns.eu + 'country/' + alpha3[r.country]))].sort();
  assert.deepEqual(graph.objects(d, ns.dct + 'spatial').map((o) => o.value).sort(), countries);
  const years = records.map((r) => r.year).filter(Boolean).sort();
  const period = graph.one(d, ns.dct + 'temporal');
  assert.equal(graph.one(period, ns.dcat + 'startDate'), String(years[0]));
  assert.equal(graph.one(period, ns.dcat + 'endDate'), String(years.at(-1)));
  const keywords = graph.objects(d, ns.dcat + 'keyword');
  const themes = new Set(records.flatMap((r) => r.themes));
  for (const lang of ['fi', 'en']) {
    assert.equal(keywords.filter((k) => k.language === lang).length, themes.size, `${lang} keywords, one per theme in use`);
  }
  assert.equal(graph.one(d, ns.dcat + 'theme'), ns.eu + 'data-theme/GOVE');
});

test('the open-data box links the catalog with rel="alternate"', () => {
  for (const page of ['en/good-practices/index.html', 'fi/hyvat-kaytannot/index.html']) {
    const html = site.read(page);
    const links = [...html.matchAll(/<a\b[^>]*>/g)].map((m) => m[0]).filter((a) => /\brel="?alternate\b/.test(a));
    const hrefs = links.map((a) => a.match(/\bhref="?([^"\s>]+)/)[1]);
    assert.ok(hrefs.includes('/opengov/data/catalog.ttl'), `${page}: ${hrefs}`);
    assert.ok(hrefs.includes('/opengov/data/catalog.jsonld'), `${page}: ${hrefs}`);
  }
});
