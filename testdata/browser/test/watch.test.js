// The watch mode in a real browser tab, on a copy of the site under
// `opengov serve`: the tab tells the server which page it shows, so a save
// that changes a practice's themes (which every list of those themes
// shows) reloads the tab as soon as its page is made, before the rest of
// the build; the page, and a list asked for after it, show the save.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { servedCopy } from '../lib/cms.js';

const s = servedCopy();

// save replaces text in a file of the site's copy, as an editor saving.
function save(name, from, to) {
  const file = path.join(s.server.site, name);
  const text = fs.readFileSync(file, 'utf8');
  assert.ok(text.includes(from), `${name} has ${from}`);
  fs.writeFileSync(file, text.replace(from, to));
}

for (const [lang, url, width] of [['en', 'en/good-practices/lockdown-dialogues/', 1280], ['fi', 'fi/hyvat-kaytannot/poikkeusajan-dialogit/', 390]]) {
  test(`${lang}: a themes save reloads the open practice first, at ${width} px`, async () => {
    const context = await s.browser.newContext({ viewport: { width, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(s.server.base + url, { waitUntil: 'load' });
      const themes = page.locator('.facts, aside').first();
      const before = await themes.innerText();
      const logBefore = s.server.log().length;
      const reloaded = page.waitForEvent('load', { timeout: 30_000 });
      const [from, to] = lang === 'en'
        ? ['themes: [dialogue, participation, trust, democracy]', 'themes: [dialogue, trust]']
        : ['themes: [dialogue, trust]', 'themes: [dialogue, participation, trust, democracy]'];
      // The two languages' themes must agree: one save each, at once.
      save('content/good-practices/lockdown-dialogues.en.md', from, to);
      save('content/good-practices/lockdown-dialogues.fi.md', from, to);
      await reloaded;
      const after = await themes.innerText();
      assert.notEqual(after, before, 'the reloaded page shows the new themes');
      const participation = lang === 'en' ? 'Participation' : 'Osallistuminen';
      assert.equal(after.includes(participation), lang === 'fi', `${participation} is ${lang === 'fi' ? '' : 'not '}among the themes`);
      // The list of the theme taken away or given, which only the whole
      // build makes, is of the save too.
      const list = lang === 'en' ? 'en/good-practices/themes/participation/' : 'fi/hyvat-kaytannot/teemat/osallistuminen/';
      const html = await (await fetch(s.server.base + list)).text();
      assert.equal(html.includes(lang === 'en' ? 'Lockdown Dialogues' : 'Poikkeusajan dialogit'), lang === 'fi', 'the theme\'s list follows the save');
      for (let i = 0; i < 100 && !/\(the open tabs reloaded after /.test(s.server.log().slice(logBefore)); i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
      assert.match(s.server.log().slice(logBefore), /built in .* \(the open tabs reloaded after \d+(\.\d+)?[mµ]?s\)/);
    } finally {
      await context.close();
    }
  });
}
