// Writes the Pagefind search index of opengov's built pages. opengov
// build (internal/search/search.go) starts it and writes to its standard
// input one JSON object a line: {"html": {url, content}} for a page,
// {"record": {url, content, language, meta, filters}} for a record not
// backed by a page. When the input ends, it writes the bundle's files to
// standard output, one {"path", "data" (base64)} a line, then
// {"done": {"pages": n}}. Any error goes to standard error with exit code 1.
import readline from 'node:readline';
import * as pagefind from 'pagefind';

// The bundle's files that our own interface does not use: Pagefind's
// default and modular UIs and its highlighter.
const unused = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

// How many files are handed to Pagefind at once.
const inFlight = 8;

function fail(msg) {
  process.stderr.write(`pagefind: ${msg}\n`);
  process.exit(1);
}

// The fact boxes' labels ("Organisation", "Country") are not searched
// for; their values are.
const created = await pagefind.createIndex({ excludeSelectors: ['.facts h2', '.facts dt'] });
if (created.errors.length > 0) fail(created.errors.join('; '));
const index = created.index;

let pages = 0;
const pending = new Set();
async function add(job) {
  const res = job.html ? await index.addHTMLFile(job.html) : await index.addCustomRecord(job.record);
  if (res.errors.length > 0) fail(`${(job.html ?? job.record).url}: ${res.errors.join('; ')}`);
  pages++;
}

const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (line === '') continue;
  const p = add(JSON.parse(line)).finally(() => pending.delete(p));
  pending.add(p);
  if (pending.size >= inFlight) await Promise.race(pending);
}
await Promise.all(pending);

const { files, errors } = await index.getFiles();
if (errors.length > 0) fail(errors.join('; '));
for (const f of files) {
  if (unused.test(f.path)) continue;
  process.stdout.write(JSON.stringify({ path: f.path, data: Buffer.from(f.content).toString('base64') }) + '\n');
}
process.stdout.write(JSON.stringify({ done: { pages } }) + '\n');
await pagefind.close();
