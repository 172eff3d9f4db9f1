// Helpers of the search tests: the site built for and served under a
// sub-path (/opengov/), as a static host would, and a record of every
// Content-Security-Policy violation a page reports.
import { serve } from './site.js';

export const subPath = 'opengov/';

// serveSub builds the site for http://127.0.0.1:port/opengov/ and serves
// it there (lib/site.js's serve); build options as in lib/site.js.
export const serveSub = (options) => serve({ ...options, subPath });

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
