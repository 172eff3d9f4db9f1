// Builds the site with opengov (go run ./cmd/opengov build) into a fresh
// temporary folder, for a given base URL, and reads what it wrote.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');

// build builds the site for baseURL and returns its output folder; remove()
// deletes it.
export function build(baseURL) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'opengov-opendata-'));
  const out = path.join(tmp, 'public');
  const args = ['run', './cmd/opengov', 'build', '--out', out, '--base-url', baseURL];
  const res = spawnSync('go', args, { cwd: repoRoot, encoding: 'utf8' });
  if (res.error || res.status !== 0) {
    throw new Error(`go ${args.join(' ')} failed:\n${res.error ?? ''}${res.stdout}${res.stderr}`);
  }
  return {
    dir: out,
    read: (rel) => fs.readFileSync(path.join(out, rel), 'utf8'),
    exists: (rel) => fs.existsSync(path.join(out, rel)),
    size: (rel) => fs.statSync(path.join(out, rel)).size,
    files: (suffix) => fs.readdirSync(out, { recursive: true })
      .map((f) => f.split(path.sep).join('/'))
      .filter((f) => f.endsWith(suffix))
      .sort(),
    remove: () => fs.rmSync(tmp, { recursive: true, force: true }),
  };
}
