// html-validate (html-validate:recommended, see .htmlvalidate.json) over
// every HTML file the build writes: zero errors.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { paginate, untranslated } from '../lib/pages.js';
import { build, htmlFiles } from '../lib/site.js';

const config = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', '.htmlvalidate.json'), 'utf8'));
const validator = new HtmlValidate(new StaticConfigLoader(config));
// The shipped site, the site without one translation (with the notices
// and cards that only an untranslated page brings), and the site with
// short pages (with pagers); all under a sub-path.
const site = build('https://example.org/opengov/');
const partial = build('https://example.org/opengov/', { remove: [untranslated] });
const paged = build('https://example.org/opengov/', { paginate });
after(() => {
  site.remove();
  partial.remove();
  paged.remove();
});

const files = [
  ...htmlFiles(site.dir).map((f) => ({ name: f, file: path.join(site.dir, f) })),
  ...htmlFiles(partial.dir).map((f) => ({ name: `without ${path.basename(untranslated)}: ${f}`, file: path.join(partial.dir, f) })),
  ...htmlFiles(paged.dir).filter((f) => /\/(sivu|page)\/\d+\//.test(f))
    .map((f) => ({ name: `paginate = ${paginate}: ${f}`, file: path.join(paged.dir, f) })),
];

test('the build writes HTML pages', () => {
  assert.ok(files.length > 200, `${files.length} HTML files`);
});

test('html-validate flags invalid HTML', async () => {
  const report = await validator.validateString('<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><p><div>x</div></p><img src="x"></body></html>');
  assert.equal(report.valid, false);
});

for (const { name, file } of files) {
  test(name, async () => {
    const report = await validator.validateFile(file);
    const messages = report.results.flatMap((r) => r.messages)
      .map((m) => `${name}:${m.line}:${m.column}: ${m.ruleId}: ${m.message}\n  ${m.selector ?? ''}`);
    assert.equal(report.errorCount, 0, messages.join('\n'));
  });
}
