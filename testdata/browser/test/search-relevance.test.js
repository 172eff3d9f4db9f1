// Relevance of the search, against the real Pagefind index of the built
// site, in Chromium, under a sub-path: for each query, the pages that must
// come in the top 3, by the end of their URL. Finnish as Finns type it
// (inflected forms, parts of compounds, with and without ä and ö) and
// English with plurals and inflections; none of them corrected as a typo.
// One-letter typos found through the search page's correction. Excerpts
// show compounds as written. A practice written only in Finnish is found
// from the English search, marked with its language.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launch } from '../lib/browser.js';
import { searchPath, serveSub } from '../lib/search.js';

const fi = [
  // compound parts: the word appears on the page only inside a compound
  // (those that were checked fail without the compound splitting)
  ['pilotti', 'sitoumukset/2019-2023/fi0034-dialogit/'], // pilottiorganisaatioiden
  ['kriisi', 'hyvat-kaytannot/irlanti-strateginen-ennakointi/'], // ilmastokriisi
  ['alueilla', 'hyvat-kaytannot/ostolaskudata/'], // hyvinvointialueilla
  ['osaaminen', 'sitoumukset/2023-2027/toimenpide-1-1/'], // dialogiosaaminen
  ['tutkijoiden', 'sitoumukset/2019-2023/fi0034-dialogit/'], // dialogitutkijoiden
  // compound parts that the page also has on their own
  ['suositus', 'hyvat-kaytannot/nuorten-osallisuus/'],
  ['data', 'hyvat-kaytannot/ostolaskudata/'],
  ['kasvihuoneet', 'hyvat-kaytannot/ruotsi-saantelykasvihuoneet/'],
  ['seloste', 'saavutettavuusseloste/'],
  ['akatemia', 'hyvat-kaytannot/kansalaisyhteiskunta-akatemia/'],
  ['kokeilualusta', 'hyvat-kaytannot/ruotsi-saantelykasvihuoneet/'],
  ['ostolasku', 'hyvat-kaytannot/ostolaskudata/'],
  ['sääntely', 'hyvat-kaytannot/ruotsi-saantelykasvihuoneet/'],
  // whole compounds and inflected forms
  ['nuorisosuositus', 'hyvat-kaytannot/nuorten-osallisuus/'],
  ['ostolaskudata', 'hyvat-kaytannot/ostolaskudata/'],
  ['ostolaskut', 'hyvat-kaytannot/ostolaskudata/'],
  ['nuorten', 'hyvat-kaytannot/nuorten-osallisuus/'],
  ['nuoret', 'hyvat-kaytannot/nuorten-osallisuus/'],
  ['poikkeusajan dialogeissa', 'hyvat-kaytannot/poikkeusajan-dialogit/'],
  ['kunnille', 'hyvat-kaytannot/ostolaskudata/'],
  ['kunnissa', 'hyvat-kaytannot/ostolaskudata/'],
  ['hyvinvointialue', 'hyvat-kaytannot/ostolaskudata/'],
  ['selkokieli', 'hyvat-kaytannot/selkokieli-ja-selkea-kieli/'],
  ['kieli', 'hyvat-kaytannot/selkokieli-ja-selkea-kieli/'],
  ['tekoäly', 'hyvat-kaytannot/tekoalyn-etiikka-tyopajat/'],
  ['etiikka', 'hyvat-kaytannot/tekoalyn-etiikka-tyopajat/'],
  ['työpajat', 'hyvat-kaytannot/tekoalyn-etiikka-tyopajat/'],
  ['ennakointi', 'hyvat-kaytannot/irlanti-strateginen-ennakointi/'],
  ['päätöksenteko', 'hyvat-kaytannot/irlanti-strateginen-ennakointi/'],
  ['Irlanti', 'hyvat-kaytannot/irlanti-strateginen-ennakointi/'],
  ['Norja', 'hyvat-kaytannot/norja-elamantapahtumat/'],
  ['elämäntapahtumat', 'hyvat-kaytannot/norja-elamantapahtumat/'],
  ['Baskimaa', 'hyvat-kaytannot/gipuzkoa-ennakoiva-hallinto/'],
  ['kansalaisyhteiskunta', 'hyvat-kaytannot/kansalaisyhteiskunta-akatemia/'],
  ['käsikirja', 'hyvat-kaytannot/demokratiadialogit-kasikirja/'],
  ['poikkeusaika', 'hyvat-kaytannot/poikkeusajan-dialogit/'],
  ['kampanja', 'hyvat-kaytannot/hyvinsanottu-kampanja/'],
  ['tutkimushanke', 'hyvat-kaytannot/dialogitutkimus/'],
  ['demokratian verkosto', 'hyvat-kaytannot/avoimen-demokratian-verkosto/'],
  ['innovaatiojulistus', 'innovaatiojulistus/'],
  // without ä and ö, as on a keyboard without them
  ['selkea kieli', 'hyvat-kaytannot/selkokieli-ja-selkea-kieli/'],
  ['saantelykasvihuone', 'hyvat-kaytannot/ruotsi-saantelykasvihuoneet/'],
  ['tekoaly', 'hyvat-kaytannot/tekoalyn-etiikka-tyopajat/'],
  ['tyopaja', 'hyvat-kaytannot/tekoalyn-etiikka-tyopajat/'],
  ['paatoksentekoon', 'hyvat-kaytannot/irlanti-strateginen-ennakointi/'],
  ['elamantapahtuma', 'hyvat-kaytannot/norja-elamantapahtumat/'],
  ['kasikirja', 'hyvat-kaytannot/demokratiadialogit-kasikirja/'],
];

const en = [
  ['purchase invoice', 'good-practices/purchase-invoice-data/'],
  ['invoices', 'good-practices/purchase-invoice-data/'],
  ['municipalities', 'good-practices/purchase-invoice-data/'],
  ['municipality', 'good-practices/purchase-invoice-data/'],
  ['wellbeing', 'good-practices/purchase-invoice-data/'],
  ['youth recommendation', 'good-practices/youth-participation/'],
  ['young people', 'good-practices/youth-participation/'],
  ['children', 'good-practices/youth-participation/'],
  ['lockdown', 'good-practices/lockdown-dialogues/'],
  ['plain language', 'good-practices/easy-and-clear-language/'],
  ['easy language', 'good-practices/easy-and-clear-language/'],
  ['regulatory greenhouses', 'good-practices/sweden-regulatory-greenhouses/'],
  ['greenhouse', 'good-practices/sweden-regulatory-greenhouses/'],
  ['testing ground', 'good-practices/sweden-regulatory-greenhouses/'],
  ['Sweden', 'good-practices/sweden-regulatory-greenhouses/'],
  ['artificial intelligence', 'good-practices/ai-ethics-workshops/'],
  ['AI ethics', 'good-practices/ai-ethics-workshops/'],
  ['workshop', 'good-practices/ai-ethics-workshops/'],
  ['foresight', 'good-practices/ireland-strategic-foresight/'],
  ['Ireland', 'good-practices/ireland-strategic-foresight/'],
  ['policymaking', 'good-practices/ireland-strategic-foresight/'],
  ['Norway', 'good-practices/norway-life-event-services/'],
  ['life events', 'good-practices/norway-life-event-services/'],
  ['seamless services', 'good-practices/norway-life-event-services/'],
  ['Basque', 'good-practices/gipuzkoa-anticipatory-governance/'],
  ['sustainable economy', 'good-practices/gipuzkoa-anticipatory-governance/'],
  ['civil society academy', 'good-practices/civil-society-academy/'],
  ['handbook', 'good-practices/democracy-defence-dialogues-handbook/'],
  ['democracy defence', 'good-practices/democracy-defence-dialogues-handbook/'],
  ['neighbour', 'good-practices/do-you-know-your-neighbour/'],
  ['research project', 'good-practices/do-you-know-your-neighbour/'],
  ['Wellsaid', 'good-practices/hyvinsanottu-campaign/'],
  ['campaign', 'good-practices/hyvinsanottu-campaign/'],
  ['open democracy network', 'good-practices/open-democracy-network/'],
  ['accessibility statement', 'accessibility-statement/'],
  ['innovation declaration', 'innovation-declaration/'],
  ['anticipatory innovation', 'good-practices/anticipatory-innovation-dialogues/'],
  ['leadership development', 'good-practices/anticipatory-innovation-dialogues/'],
];

// One-letter typos (a letter wrong, missing, extra, or two swapped): the
// search page finds nothing like the typed word, tries the word of the
// site one letter away, and says so. Each with the page that must be in
// the top 3 of what the page shows.
const typos = {
  fi: [
    ['osalisuus', 'hyvat-kaytannot/nuorten-osallisuus/'],
    ['saavutetavuus', 'saavutettavuusseloste/'],
    ['ennakonti', 'hyvat-kaytannot/irlanti-strateginen-ennakointi/'],
    ['slekokieli', 'hyvat-kaytannot/selkokieli-ja-selkea-kieli/'],
    ['kampnja', 'hyvat-kaytannot/hyvinsanottu-kampanja/'],
    ['norja elämäntaphtumiin', 'hyvat-kaytannot/norja-elamantapahtumat/'],
  ],
  en: [
    ['partcipation', 'good-practices/youth-participation/'],
    ['dialouge', 'good-practices/hyvinsanottu-campaign/'],
    ['acessibility', 'accessibility-statement/'],
    ['neighbur', 'good-practices/do-you-know-your-neighbour/'],
    ['handbok', 'good-practices/democracy-defence-dialogues-handbook/'],
    ['greenhuoses', 'good-practices/sweden-regulatory-greenhouses/'],
  ],
};

const site = await serveSub();
const partial = await serveSub({ remove: ['content/good-practices/lockdown-dialogues.en.md'] });
let browser;
before(async () => { browser = await launch(); });
after(async () => {
  await browser?.close();
  await site.close();
  await partial.close();
});

// top3 runs each query with Pagefind's API on the search page of lang
// and returns the URLs of the first three results below the base.
async function top3(base, lang, queries) {
  const page = await browser.newPage();
  try {
    await page.goto(base + searchPath[lang], { waitUntil: 'load' });
    return await page.evaluate(async ({ queries, base }) => {
      const pf = await import(document.getElementById('search').dataset.pagefind);
      // The page's own script, for its check of a query's words.
      const { doubtful, correction } = await import(document.querySelector('script[type="module"][src*="search."]').src);
      const vocab = await (await fetch(new URL('words.' + document.documentElement.lang + '.json', new URL(document.getElementById('search').dataset.pagefind, location.href)))).json();
      await pf.init();
      const out = [];
      for (const q of queries) {
        const res = await pf.search(q);
        const data = await Promise.all(res.results.slice(0, 3).map((r) => r.data()));
        const urls = data.map((d) => new URL(d.url, location.href).href.replace(base, ''));
        const lang = document.documentElement.lang;
        out.push({ urls, kept: !doubtful(q, res.results.length, data.map((d) => d.excerpt), lang) || correction(q, vocab, lang) === null });
      }
      return out;
    }, { queries, base });
  } finally {
    await page.close();
  }
}

for (const [lang, table] of [['fi', fi], ['en', en]]) {
  describe(`search in ${lang}: the right page in the top 3`, () => {
    let found;
    before(async () => { found = await top3(site.base, lang, table.map(([q]) => q)); });
    test(`at least 30 queries`, () => assert.ok(table.length >= 30));
    table.forEach(([query, want], i) => {
      test(`"${query}" finds /${lang}/${want}`, () => {
        assert.ok(found[i].urls.includes(`${lang}/${want}`), `top 3 for "${query}": ${found[i].urls.join(', ') || 'nothing'}`);
        // as typed: the page would not correct it
        assert.ok(found[i].kept, `"${query}" would be corrected`);
      });
    });
  });

  describe(`search in ${lang}: one-letter typos corrected, the right page in the top 3`, () => {
    let page;
    let corrections = 0;
    before(async () => { page = await browser.newPage(); });
    after(async () => { await page?.close(); });
    test('at least 5 typos', () => assert.ok(typos[lang].length >= 5));
    for (const [query, want] of typos[lang]) {
      test(`"${query}" finds /${lang}/${want}`, async () => {
        await page.goto(site.base + searchPath[lang] + '?q=' + encodeURIComponent(query), { waitUntil: 'load' });
        await page.waitForFunction(() => !document.getElementById('search-list').hasAttribute('aria-busy') && /\d/.test(document.getElementById('search-status').textContent));
        const status = await page.locator('#search-status').textContent();
        const typed = lang === 'fi' ? `Sivustolla ei ole hakua ”${query}” vastaavaa tekstiä.` : `The site does not have “${query}”.`;
        if (status.startsWith(typed)) corrections++;
        const urls = await page.locator('#search-list a').evaluateAll((as, base) => as.slice(0, 3).map((a) => a.href.replace(base, '')), site.base);
        assert.ok(urls.includes(`${lang}/${want}`), `top 3 for "${query}" (${status}): ${urls.join(', ')}`);
      });
    }
    // Pagefind finds some typos by itself (by the longest word of the
    // index that begins the typed one); at least 5 needed the correction.
    test('at least 5 found by the correction, which the status announced', () => assert.ok(corrections >= 5, `${corrections}`));
  });
}

test('excerpts show a compound as written, not split as the index has it', async () => {
  const page = await browser.newPage();
  try {
    await page.goto(site.base + searchPath.fi + '?q=kansalaisyhteiskunnan', { waitUntil: 'load' });
    await page.locator('#search-list .excerpt').first().waitFor();
    const excerpts = await page.locator('#search-list .excerpt').allTextContents();
    const all = excerpts.join(' ');
    assert.match(all, /kansalaisyhteiskunnan/i);
    assert.doesNotMatch(all, /\p{L}\|\p{L}|kansalais-yhteis/u);
    // the word is marked whole
    assert.ok((await page.locator('#search-list .excerpt mark').allTextContents()).some((m) => /^kansalaisyhteiskunnan/i.test(m)));
  } finally {
    await page.close();
  }
});

test('the Finnish-only index does not find English pages, and the other way round', async () => {
  const [{ urls: enInFi }] = await top3(site.base, 'fi', ['policymaking']);
  assert.ok(enInFi.every((u) => u.startsWith('fi/')), enInFi.join(', '));
  const [{ urls: fiInEn }] = await top3(site.base, 'en', ['ostolaskudata']);
  assert.ok(fiInEn.every((u) => u.startsWith('en/')), fiInEn.join(', '));
});

test('a practice only in Finnish is found from the English search, marked as Finnish', async () => {
  const page = await browser.newPage();
  try {
    await page.goto(partial.base + searchPath.en + '?q=' + encodeURIComponent('Poikkeusajan dialogit'), { waitUntil: 'load' });
    const item = page.locator('#search-list li').filter({ has: page.locator('a[hreflang="fi"]') }).first();
    await item.waitFor();
    const link = item.locator('a');
    assert.equal(await link.getAttribute('lang'), 'fi');
    assert.match(await link.getAttribute('href'), /\/opengov\/fi\/hyvat-kaytannot\/poikkeusajan-dialogit\/$/);
    assert.equal((await item.locator('.lang-badge').textContent()).trim(), 'in Finnish');
    // Its filters came along: the English theme filter finds it too.
    await page.goto(partial.base + searchPath.en + '?theme=dialogue', { waitUntil: 'load' });
    await page.locator('#search-list a[hreflang="fi"]').first().waitFor();
  } finally {
    await page.close();
  }
});
