// Starts Debian's Chromium through playwright-core, headless, with a fresh
// profile (playwright gives every launch a new temporary user-data-dir)
// and without any network traffic of its own.
import fs from 'node:fs';
import { chromium } from 'playwright-core';

export const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';

export async function launch() {
  if (!fs.existsSync(executablePath)) {
    throw new Error(`${executablePath} is missing: install Debian's chromium (apt-get install chromium), or set CHROMIUM to a Chromium binary`);
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}
