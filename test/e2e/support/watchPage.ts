import type { Page } from 'playwright-core';
import { beforeEach } from 'vitest';

/** Records every dialog (dismissing it) and every page error, so tests can assert there were none. */
export function watchPage(page: Page, record: { dialogs: string[]; pageErrors: string[] }): void {
  page.setDefaultTimeout(15_000);
  page.on('dialog', (dialog) => {
    record.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => record.pageErrors.push(error.message));
}

/** Saves a screenshot named after any test that fails, beside the suite's other artifacts. */
export function screenshotFailures(shot: (name: string) => Promise<unknown>): void {
  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(async () => {
      await shot(`failed-${task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`).catch(() => undefined);
    });
  });
}

/** Signs in through the login page, starting from no session. */
export async function signIn(page: Page, baseUrl: string, credentials: { email: string; password: string }): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Email').fill(credentials.email);
  await page.getByLabel(/^Password/).fill(credentials.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
