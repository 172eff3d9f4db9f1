// Builds the site with opengov (go run ./cmd/opengov build) into a fresh
// temporary folder and serves it on 127.0.0.1 at a random free port, as a
// static host would: /x/ is x/index.html, a missing file is a 404 with
// the 404 page of its language (or the root one).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');

const types = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

// The site's sources, below the repository root.
const sources = ['site.toml', 'content', 'templates', 'static', 'i18n'];

// build builds the site for baseURL into a new temporary folder and
// returns the folder. remove names source files (such as one translation)
// to leave out, and paginate, when set, replaces site.toml's paginate (so
// that the shipped lists have several pages): the site is then built from
// a copy of its sources.
export function build(baseURL, { remove = [], paginate } = {}) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'opengov-browser-'));
  const out = path.join(tmp, 'public');
  let source = repoRoot;
  if (remove.length > 0 || paginate) {
    source = path.join(tmp, 'src');
    for (const s of sources) fs.cpSync(path.join(repoRoot, s), path.join(source, s), { recursive: true });
    for (const r of remove) fs.rmSync(path.join(source, r));
    // The CMS's Decap package (internal/cms, `npm ci` there), which the build copies into /admin/.
    fs.mkdirSync(path.join(source, 'internal', 'cms'), { recursive: true });
    fs.symlinkSync(path.join(repoRoot, 'internal', 'cms', 'node_modules'), path.join(source, 'internal', 'cms', 'node_modules'));
  }
  if (paginate) {
    const toml = path.join(source, 'site.toml');
    const src = fs.readFileSync(toml, 'utf8');
    if (!/^paginate = \d+$/m.test(src)) throw new Error('site.toml has no paginate line to change');
    fs.writeFileSync(toml, src.replace(/^paginate = \d+$/m, `paginate = ${paginate}`));
  }
  const args = ['run', './cmd/opengov', 'build', '--source', source, '--out', out, '--base-url', baseURL];
  const res = spawnSync('go', args, { cwd: repoRoot, encoding: 'utf8' });
  if (res.error || res.status !== 0) {
    throw new Error(`go ${args.join(' ')} failed:\n${res.error ?? ''}${res.stdout}${res.stderr}`);
  }
  return { dir: out, remove: () => fs.rmSync(tmp, { recursive: true, force: true }) };
}

// htmlFiles lists the HTML files below dir, relative to it, sorted.
export function htmlFiles(dir) {
  return fs.readdirSync(dir, { recursive: true })
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

// serve builds the site (with build's options) and serves it; close()
// stops the server and removes the folder. subPath ("opengov/") builds
// the site for that sub-path of the host and serves it only there, as a
// host serving it below its own pages would (anything else is a 404).
export async function serve({ subPath = '', ...options } = {}) {
  const server = http.createServer();
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const base = `http://127.0.0.1:${server.address().port}/${subPath}`;
  let site;
  try {
    site = build(base, options);
  } catch (err) {
    server.close();
    throw err;
  }
  server.on('request', (req, res) => handle(site.dir, '/' + subPath, req, res));
  return {
    base,
    dir: site.dir,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      site.remove();
    },
  };
}

// handle serves the file of root that the request's path names below
// prefix ("/" or "/opengov/").
function handle(root, prefix, req, res) {
  let rel;
  try {
    rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  } catch {
    rel = '/';
  }
  rel = path.posix.normalize(rel);
  if (!rel.startsWith(prefix) && rel + '/' !== prefix) {
    res.writeHead(404);
    res.end();
    return;
  }
  rel = rel.slice(prefix.length).replace(/^\/+/, '');
  if (rel === '' || rel.endsWith('/')) rel += 'index.html';
  let file = path.join(root, rel);
  let status = 200;
  if (!file.startsWith(root + path.sep) || !fs.statSync(file, { throwIfNoEntry: false })?.isFile()) {
    if (fs.statSync(path.join(root, rel, 'index.html'), { throwIfNoEntry: false })?.isFile()) {
      res.writeHead(301, { Location: prefix + rel + '/' });
      res.end();
      return;
    }
    status = 404;
    const lang = rel.split('/')[0];
    file = path.join(root, lang, '404.html');
    if (lang === '' || !fs.existsSync(file)) file = path.join(root, '404.html');
  }
  res.writeHead(status, { 'Content-Type': types[path.extname(file)] ?? 'application/octet-stream' });
  res.end(fs.readFileSync(file));
}
