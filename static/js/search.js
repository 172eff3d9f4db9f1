// The search page (templates/search.html): runs the GET form's query and
// filters with Pagefind's JavaScript API, in the page's language, and shows
// the results as a list of links. Every string comes from the page, which
// has it from i18n/. The state lives in the URL (?q=...&theme=...), so a
// search can be shared and the back button steps through the filters.
// Without this script the form still submits to the same page, and the
// page links the facet pages.

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
  // Pagefind (its script, its WebAssembly and the index's metadata) loads
  // when the visitor first turns to the form, or at once when the address
  // holds a search, so a visit that does not search does not fetch it.
  let loading = null;
  const load = () => {
    loading ??= import(form.dataset.pagefind).then(async (pf) => {
      await pf.init();
      await pf.filters(); // loads every filter, which the counts of a search need
      return pf;
    });
    return loading;
  };
  form.addEventListener('focusin', load, { once: true });
  form.addEventListener('pointerdown', load, { once: true });

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
    const found = await query(pagefind, q, chosen);
    // A value's count is what choosing it would give: for a filter with
    // values chosen, the search without that filter's own choices.
    const counts = { ...found.filters };
    for (const name of Object.keys(chosen)) {
      counts[name] = (await query(pagefind, q, filters(name))).filters[name];
    }
    if (id !== run) return;
    results = found.results;
    shown = 0;
    list.replaceChildren();
    await showMore(false);
    if (id !== run) return;
    status.textContent = count(results.length);
    setCounts(counts);
    list.removeAttribute('aria-busy');
  }

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

// marked turns Pagefind's excerpt, text with <mark> around the matched
// words, into nodes, without putting any of it into the page as HTML.
function marked(excerpt) {
  const doc = new DOMParser().parseFromString(`<p>${excerpt}</p>`, 'text/html');
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
