// Helpers of the search tests: the site built for and served under a
// sub-path (/opengov/), as a static host would, and a record of every
// Content-Security-Policy violation a page reports.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { build } from './site.js';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.csv': 'text/csv; charset=utf-8',
};

export const subPath = 'opengov/';

// serveSub builds the site for http://127.0.0.1:port/opengov/ and serves
// it there; build options as in lib/site.js. transferred counts the bytes
// of each response's body, by URL path.
export async function serveSub(options) {
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
  server.on('request', (req, res) => {
    let rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!rel.startsWith('/' + subPath)) {
      res.writeHead(404);
      res.end();
      return;
    }
    rel = path.posix.normalize(rel.slice(subPath.length + 1));
    if (rel === '.' || rel.endsWith('/')) rel = (rel === '.' ? '' : rel) + 'index.html';
    let file = path.join(site.dir, rel);
    let status = 200;
    if (!file.startsWith(site.dir + path.sep) || !fs.statSync(file, { throwIfNoEntry: false })?.isFile()) {
      status = 404;
      file = path.join(site.dir, '404.html');
    }
    res.writeHead(status, { 'Content-Type': types[path.extname(file)] ?? 'application/octet-stream' });
    res.end(fs.readFileSync(file));
  });
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

// watchCSP makes every page of context record the CSP violations it
// reports; read them with cspViolations(page).
export async function watchCSP(context) {
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
}

export const cspViolations = (page) => page.evaluate(() => window.__csp);

// searchPath is the search page of lang below the base.
export const searchPath = { fi: 'fi/haku/', en: 'en/search/' };
