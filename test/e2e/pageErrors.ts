// Helpers the browser tests share: every console error, page error and CSP violation from the moment a page opens,
// and screenshots of each screen when FIELDTUNE_SCREENSHOTS names a folder.
import { join } from 'node:path';
import type { Page } from '@playwright/test';

/** Collects console errors, page errors and CSP violations; the test expects the list to stay empty. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
  void page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  return errors;
}

/** A full-page screenshot named `<prefix>-<name>.png` in FIELDTUNE_SCREENSHOTS (nothing when it is not set). */
export function screenshots(prefix: string): (page: Page, name: string) => Promise<void> {
  const dir = process.env['FIELDTUNE_SCREENSHOTS'];
  return async (page, name) => {
    if (dir) await page.screenshot({ path: join(dir, `${prefix}-${name}.png`), fullPage: true });
  };
}
