// The search page (templates/search.html): runs the GET form's query and
// filters with Pagefind's JavaScript API, in the page's language, and shows
// the results as a list of links. Every string comes from the page, which
// has it from i18n/. The state lives in the URL (?q=...&theme=...), so a
// search can be shared and the back button steps through the filters.
// Without this script the form still submits to the same page, and the
// page links the facet pages. A query whose words the site does not have
// is tried again with words of the site one letter away (see correction).

const PAGE = 20; // results shown at a time

const form = document.getElementById('search');
if (form) start(form);

async function start(form) {
  const lang = form.dataset.lang;
  const plurals = JSON.parse(form.dataset.results);
  const rules = new Intl.PluralRules(lang);
  const input = form.elements.q;
  const status = document.getElementById('search-status');
  const list = document.getElementById('search-list');
  const more = document.getElementById('search-more');
  const fieldsets = [...form.querySelectorAll('fieldset[data-filter]')];
  const boxes = [...form.querySelectorAll('fieldset[data-filter] input[type="checkbox"]')];
  const labels = { kind: {}, lang: {} };
  for (const el of form.querySelectorAll('#search-labels [data-kind]')) labels.kind[el.dataset.kind] = el.textContent;
  for (const el of form.querySelectorAll('#search-labels [data-lang]')) labels.lang[el.dataset.lang] = el.textContent;

  const count = (n) => (plurals[rules.select(n)] ?? plurals.other).replace('{count}', n.toLocaleString(lang));

  readURL();
  // On a phone the filters start folded when none is chosen, so that the
  // results come right after the field.
  const details = document.getElementById('search-filters');
  if (details && matchMedia('(max-width: 59.99rem)').matches && !boxes.some((b) => b.checked)) details.open = false;
  // Pagefind loads in steps, so that a visit that does not search fetches
  // none of it, and the bytes before the first query stay few: its script
  // (13 KB) when the visitor first turns to the form; its WebAssembly and
  // the language's page metadata (about 110 KB on 5,000 pages) with the
  // first search. The counts beside the filter values come from the
  // pages' filter values that the build writes beside the index (about
  // 45 KB there, half of Pagefind's own filters), fetched after the
  // results are shown, and only while the filters are open (on a phone
  // they start folded).
  let importing = null;
  const imported = () => (importing ??= import(form.dataset.pagefind));
  let loading = null;
  const load = () => (loading ??= imported().then(async (pf) => {
    await pf.init();
    return pf;
  }));
  const indexFile = (name) => new URL(name, new URL(form.dataset.pagefind, location.href));
  let facetsLoading = null;
  const facets = () => (facetsLoading ??= fetch(indexFile(`facets.${lang}.json`), { cache: 'no-cache' })
    .then((r) => {
      if (!r.ok) throw new Error(`${r.url}: ${r.status}`);
      return r.json();
    })
    .then((f) => unpackFacets(f, lang))
    .catch((err) => {
      facetsLoading = null;
      throw err;
    }));
  form.addEventListener('focusin', imported, { once: true });
  form.addEventListener('pointerdown', imported, { once: true });
  input.addEventListener('input', load, { once: true });

  // The counts with no query and no filter are the page's own.
  const totals = {};
  for (const box of boxes) {
    const n = Number(form.querySelector(`label[for="${box.id}"] .n`)?.textContent.match(/\d+/)?.[0] ?? 0);
    (totals[box.name] ??= {})[box.value] = n;
  }

  let results = [];
  let shown = 0;
  let run = 0; // the latest search; an older one that finishes late is dropped

  // readURL sets the field and the boxes from the address.
  function readURL() {
    const params = new URLSearchParams(location.search);
    input.value = params.get('q') ?? '';
    for (const box of boxes) box.checked = params.getAll(box.name).includes(box.value);
  }

  // address is the URL of the form's state.
  function address() {
    const params = new URLSearchParams();
    const q = input.value.trim();
    if (q) params.set('q', q);
    for (const box of boxes) if (box.checked) params.append(box.name, box.value);
    const s = params.toString();
    return location.pathname + (s ? '?' + s : '');
  }

  // filters returns the chosen values by filter, leaving out one filter.
  function filters(except) {
    const out = {};
    for (const fs of fieldsets) {
      const name = fs.dataset.filter;
      if (name === except) continue;
      const any = boxes.filter((b) => b.name === name && b.checked).map((b) => b.value);
      if (any.length > 0) out[name] = { any };
    }
    return out;
  }

  function query(pagefind, q, f) {
    return pagefind.search(q || null, q ? { filters: f } : { filters: f, sort: { published: 'desc' } });
  }

  // search runs the form's state and shows its results and counts.
  async function search() {
    const id = ++run;
    list.setAttribute('aria-busy', 'true');
    const q = input.value.trim();
    const chosen = filters();
    if (!q && Object.keys(chosen).length === 0) {
      list.removeAttribute('aria-busy');
      results = [];
      list.replaceChildren();
      more.hidden = true;
      status.textContent = form.dataset.start;
      countsFor = null;
      setCounts(totals);
      return;
    }
    let pagefind;
    try {
      pagefind = await load();
    } catch (err) {
      list.removeAttribute('aria-busy');
      status.textContent = form.dataset.failed;
      console.error(err);
      return;
    }
    let found = await query(pagefind, q, chosen);
    let searched = q;
    let note = '';
    const first = await Promise.all(found.results.slice(0, 3).map((r) => r.data()));
    if (q && doubtful(q, found.results.length, first.map((d) => d.excerpt), lang)) {
      // The words found nothing like themselves: try again with the words
      // the site does not have one letter away from words it has, and say so.
      const fixed = await corrected(q);
      const again = fixed && await query(pagefind, fixed, chosen);
      if (again?.results.length > 0) {
        found = again;
        searched = fixed;
        note = form.dataset.corrected.replace('{typed}', q).replace('{corrected}', fixed) + ' ';
      }
    }
    if (id !== run) return;
    results = found.results;
    shown = 0;
    list.replaceChildren();
    await showMore(false);
    if (id !== run) return;
    status.textContent = note + count(results.length);
    list.removeAttribute('aria-busy');
    countsFor = { id, pagefind, q: searched, chosen };
    if (details?.open ?? true) await counts();
    else clearCounts();
  }

  // countsFor is the search whose counts are still to be shown.
  let countsFor = null;

  // counts shows the counts of the latest search: a value's count is what
  // choosing it would give, so for a filter with values chosen, the
  // search without that filter's own choices. They are counted over the
  // pages the query finds without filters (every page with filters when
  // there is no query).
  async function counts() {
    if (!countsFor) return;
    const { id, pagefind, q, chosen } = countsFor;
    clearCounts();
    let fc;
    try {
      fc = await facets();
    } catch (err) {
      console.error(err);
      return;
    }
    const pages = q
      ? (await pagefind.search(q)).results.map((r) => fc.index.get(r.id)).filter((i) => i !== undefined)
      : fc.index.values();
    if (id !== run) return;
    countsFor = null;
    setCounts(countFacets(fc.filters, pages, chosen));
  }
  details?.addEventListener('toggle', () => { if (details.open) counts(); });

  // clearCounts leaves the values without counts while a search's counts
  // are not known (the page's own counts are those of no search).
  function clearCounts() {
    for (const span of form.querySelectorAll('.search-filters .n')) span.textContent = '';
  }

  // The language's words (those on the most pages first), which
  // internal/search writes beside the index, fetched when a query first
  // finds nothing.
  let vocabulary = null;
  const words = () => (vocabulary ??= fetch(indexFile(`words.${lang}.json`), { cache: 'no-cache' })
    .then((r) => (r.ok ? r.json() : []))
    .catch(() => []));

  const corrected = async (q) => correction(q, await words(), lang);

  function setCounts(counts) {
    for (const box of boxes) {
      const n = counts[box.name]?.[box.value] ?? 0;
      const span = form.querySelector(`label[for="${box.id}"] .n`);
      if (span) span.textContent = `(${n.toLocaleString(lang)})`;
    }
  }

  // showMore adds the next results; focus moves to the first new one when
  // the visitor asked for more.
  async function showMore(focus) {
    const next = results.slice(shown, shown + PAGE);
    const data = await Promise.all(next.map((r) => r.data()));
    const items = data.map(item);
    list.append(...items);
    shown += next.length;
    more.hidden = shown >= results.length;
    if (focus && items.length > 0) items[0].querySelector('a').focus();
  }

  function item(d) {
    const li = document.createElement('li');
    li.className = 'result';
    const h = document.createElement('h3');
    const a = document.createElement('a');
    a.href = d.url;
    a.textContent = d.meta.title ?? d.url;
    const other = d.meta.lang && d.meta.lang !== lang ? d.meta.lang : null;
    if (other) {
      a.lang = other;
      a.hreflang = other;
    }
    h.append(a);
    const meta = document.createElement('p');
    meta.className = 'result-kind';
    meta.textContent = labels.kind[d.meta.kind] ?? labels.kind.page;
    if (other && labels.lang[other]) {
      const badge = document.createElement('span');
      badge.className = 'lang-badge';
      badge.textContent = labels.lang[other];
      meta.append(' ', badge);
    }
    const excerpt = document.createElement('p');
    excerpt.className = 'excerpt';
    if (other) excerpt.lang = other;
    excerpt.append(...marked(d.excerpt));
    li.append(h, meta, excerpt);
    return li;
  }

  let typing;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      history.replaceState(null, '', address());
      search();
    }, 250);
  });
  form.addEventListener('change', (e) => {
    if (e.target.type !== 'checkbox') return;
    history.pushState(null, '', address());
    search();
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(typing);
    if (address() !== location.pathname + location.search) history.pushState(null, '', address());
    search();
  });
  more.addEventListener('click', () => showMore(true));
  window.addEventListener('popstate', () => {
    readURL();
    search();
  });
  await search();
}

// doubtful reports whether the results of q may be for a typo: each word
// of q (of four letters or more, or some of them when nothing was found)
// is not marked in the excerpts of the first results as itself, nor with
// another ending: a word matched only by its first letters ("osaksi" for
// "osalisuus", as Pagefind matches the longest word of the index that
// begins a word it does not have) was not. When some words were found,
// the results are theirs, and stay.
export function doubtful(q, found, excerpts, lang) {
  // each marked word, and its parts where it is a compound the index split
  // or a word in punctuation ("(#Wellsaid)")
  const marks = excerpts.flatMap((e) => [...e.matchAll(/<mark>(.*?)<\/mark>/g)].flatMap((m) => {
    const w = m[1].toLocaleLowerCase(lang);
    return [w.replace(joints, '').replace(/^\P{L}+/u, ''), ...w.split(/\P{L}+/u)];
  }));
  const words = q.trim().toLocaleLowerCase(lang).split(/\s+/).filter((w) => w.length >= 4 && /^\p{L}+$/u.test(w));
  const missing = words.filter((w) => !marks.some((m) => common(m, w) >= stemLength(w)));
  return missing.length > 0 && (found === 0 || missing.length === words.length);
}

// stemLength is how many first letters of w another form of the same
// word shares: all but an ending of up to three letters, at least four.
const stemLength = (w) => Math.max(4, w.length - 3);

// correction returns q with each word that the site does not have
// replaced by the word of vocab (a list of the site's words, those on the
// most pages first) one letter away from it, or by a word's beginning one
// letter away when no whole word is; null when no word changed. A word
// that begins a word of vocab is the site's; words of fewer than four
// letters are left as they are.
export function correction(q, vocab, lang) {
  let changed = false;
  const out = q.trim().split(/\s+/).map((typed) => {
    const w = typed.toLocaleLowerCase(lang);
    if (w.length < 4 || !/^\p{L}+$/u.test(w)) return typed;
    if (vocab.some((v) => v.startsWith(w))) return typed;
    const whole = vocab.find((v) => oneApart(w, v));
    const part = whole ? null : vocab.map((v) => [w.length - 1, w.length, w.length + 1].map((n) => v.slice(0, n)).find((p) => p.length < v.length && oneApart(w, p))).find(Boolean);
    if (!whole && !part) return typed;
    changed = true;
    return whole ?? part;
  });
  return changed ? out.join(' ') : null;
}

// common is the length of the beginning a and b share, with or without
// ä, ö and å, as Pagefind matches.
function common(a, b) {
  const bare = (s) => s.normalize('NFD').replace(/\p{M}/gu, '');
  a = bare(a);
  b = bare(b);
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
}

// unpackFacets reads internal/search's facets file: index maps each page's
// id, as search results give it ("fi_1a2b3c4"), to its position; filters
// has, for each filter, each page's values by position.
function unpackFacets(file, lang) {
  const index = new Map(file.ids.map((id, i) => [`${lang}_${id}`, i]));
  const filters = {};
  for (const [name, { values, pages }] of Object.entries(file.filters)) {
    const width = Math.max(1, (values.length - 1).toString(36).length);
    filters[name] = pages.split(',').map((p) => {
      const out = [];
      for (let i = 0; i < p.length; i += width) out.push(values[parseInt(p.slice(i, i + width), 36)]);
      return out;
    });
  }
  return { index, filters };
}

// countFacets counts, for each filter and value, the pages that have the
// value and meet the chosen values ({ theme: { any: [...] } }) of every
// other filter. A page that fails one filter's choices counts only for
// that filter's values; one that fails two counts for none.
export function countFacets(filters, pages, chosen) {
  const names = Object.keys(filters);
  const out = Object.fromEntries(names.map((n) => [n, {}]));
  // a value chosen of a filter no page has: nothing meets it
  if (Object.keys(chosen).some((n) => !filters[n])) return out;
  for (const p of pages) {
    const failed = names.filter((n) => chosen[n] && !filters[n][p].some((v) => chosen[n].any.includes(v)));
    if (failed.length > 1) continue;
    for (const name of failed.length === 1 ? failed : names) {
      for (const v of filters[name][p]) out[name][v] = (out[name][v] ?? 0) + 1;
    }
  }
  return out;
}

// oneApart reports whether a and b differ by one letter: one changed,
// added or left out, or two side by side swapped.
function oneApart(a, b) {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (a.length < b.length) return a.slice(i) === b.slice(i + 1);
  if (a.length > b.length) return a.slice(i + 1) === b.slice(i);
  return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
}

// joints are the marks at which the build split a compound for the index
// ("kansalais|yhteis|kunnan", internal/search's Joint): a "|" between two
// letters, also where a <mark> begins or ends beside it.
const joints = /(?<=\p{L}(?:<\/?mark>)?)\|(?=(?:<\/?mark>)?\p{L})/gu;

// marked turns Pagefind's excerpt, text with <mark> around the matched
// words, into nodes, without putting any of it into the page as HTML, and
// shows each split compound as written.
function marked(excerpt) {
  const doc = new DOMParser().parseFromString(`<p>${excerpt.replace(joints, '')}</p>`, 'text/html');
  const out = [];
  for (const n of doc.body.firstChild?.childNodes ?? []) {
    if (n.nodeName === 'MARK') {
      const m = document.createElement('mark');
      m.textContent = n.textContent;
      out.push(m);
    } else {
      out.push(document.createTextNode(n.textContent));
    }
  }
  return out;
}
