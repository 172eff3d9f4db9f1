import { launch } from './lib/browser.js';
const b = await launch();
const page = await b.newPage({ viewport: { width: 1280, height: 900 } });
page.on('pageerror', (e) => console.log('pageerror', e.message.slice(0, 300)));
await page.goto('http://127.0.0.1:18818/admin/');
await page.getByRole('button', { name: 'Login' }).click();
await page.goto('http://127.0.0.1:18818/admin/#/collections/good-practices/new');
await page.waitForTimeout(2500);
const info = await page.evaluate(() => {
  const out = [];
  for (const l of document.querySelectorAll('label')) {
    const el = l.htmlFor ? document.getElementById(l.htmlFor) : null;
    out.push(`${l.textContent} for=${l.htmlFor} -> ${el ? el.tagName + (el.getAttribute('role') ? '[' + el.getAttribute('role') + ']' : '') + (el.type ? ':' + el.type : '') + (el.isContentEditable ? ':ce' : '') + (el.disabled ? ':disabled' : '') : 'none'}`);
  }
  return out;
});
console.log(info.join('\n'));
await b.close();
