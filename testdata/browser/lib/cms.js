// Runs `opengov serve` on a copy of the site in a temporary folder, as an
// editor runs it to use the browser CMS: the CMS's local backend saves
// into that copy, never into the repository. Decap's npm package
// (internal/cms/node_modules, made by `npm ci` there) is linked in.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import { launch } from './browser.js';
import { repoRoot } from './site.js';

const sources = ['site.toml', 'content', 'templates', 'static', 'i18n'];
const decap = path.join(repoRoot, 'internal', 'cms', 'node_modules');

// opengov builds the command once into dir and returns its path.
function opengov(dir) {
  const bin = path.join(dir, 'opengov');
  const res = spawnSync('go', ['build', '-o', bin, './cmd/opengov'], { cwd: repoRoot, encoding: 'utf8' });
  if (res.error || res.status !== 0) throw new Error(`go build failed:\n${res.error ?? ''}${res.stderr}`);
  return bin;
}

// servedCopy declares the hooks that serve a copy of the site (serveCopy)
// and start a browser before a file's tests, and stop both after them.
// The returned object's server and browser are set once the tests run.
export function servedCopy() {
  const s = { server: null, browser: null };
  before(async () => {
    s.server = await serveCopy();
    s.browser = await launch();
  });
  after(async () => {
    await s.browser?.close();
    await s.server?.close();
  });
  return s;
}

// serveCopy copies the site, starts `opengov serve --port 0` on it and
// resolves once it serves. run(args) runs another opengov command on the
// copy; close() stops the server and removes the folder.
export async function serveCopy() {
  if (!fs.existsSync(path.join(decap, 'decap-cms', 'package.json'))) {
    throw new Error('Decap CMS is not installed: run (cd internal/cms && npm ci)');
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'opengov-cms-'));
  const site = path.join(tmp, 'site');
  for (const s of sources) fs.cpSync(path.join(repoRoot, s), path.join(site, s), { recursive: true });
  fs.mkdirSync(path.join(site, 'internal', 'cms'), { recursive: true });
  fs.symlinkSync(decap, path.join(site, 'internal', 'cms', 'node_modules'));
  const bin = opengov(tmp);
  const child = spawn(bin, ['serve', '--source', site, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const base = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`opengov serve did not start:\n${log}`)), 60_000);
    const onData = (chunk) => {
      log += chunk;
      const m = log.match(/serving (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`opengov serve exited with ${code}:\n${log}`)));
  });
  return {
    base,
    site,
    log: () => log,
    run: (...args) => spawnSync(bin, [...args, '--source', site], { encoding: 'utf8' }),
    close: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

// waitFor polls fn until it returns a truthy value, or fails after ms.
export async function waitFor(what, fn, ms = 30_000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
