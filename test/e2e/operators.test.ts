import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserAndSignIn } from '../support/apiClient.js';
import { ADMIN } from '../support/testServer.js';
import { launchBrowser, type LaunchedBrowser } from './support/launchBrowser.js';
import { screenshotFailures, signIn, watchPage } from './support/watchPage.js';
import { startOperatorsServer, type OperatorsServer } from './support/operatorsSupport.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ARTIFACTS = path.join(ROOT, 'test/artifacts/operators');
const OPERATOR = { email: 'olga@example.com', name: 'Olga', role: 'operator' as const, password: 'operator-password-1' };
const CUSTOMER = '15557770001';
const HOSTILE = '<img src=x onerror=alert(1)>';

let sb: OperatorsServer;
let browser: LaunchedBrowser;
let page: Page;
const dialogs: string[] = [];
const pageErrors: string[] = [];

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 100 });
const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });

const signInAs = (credentials: { email: string; password: string }) => signIn(page, sb.url, credentials);

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  [sb, browser] = await Promise.all([startOperatorsServer(), launchBrowser()]);
  page = browser.page;
  watchPage(page, { dialogs, pageErrors });
  await createUserAndSignIn(sb.admin, sb.url, OPERATOR);
  expect((await sb.admin.post('/api/quick-replies', { shortcut: 'thanks', text: 'Thanks {{name}}, I am on it and will update you shortly.' })).status).toBe(201);
  const profile = await sb.admin.get('/api/settings/business');
  expect((await sb.admin.put('/api/settings/business', { ...profile.body.profile, phoneNumber: '31201234567', email: 'hello@example.com' })).status).toBe(200);
}, 180_000);

screenshotFailures(shot);

afterAll(async () => {
  await browser?.close();
  await sb?.close();
});

describe('operators in a browser', { timeout: 90_000 }, () => {
  it('lands an operator on the inbox, shows a handoff live, answers with a quick reply and returns to the bot', async () => {
    await signInAs(OPERATOR);
    await page.waitForURL(/\/inbox$/);
    await page.getByText('Nobody is waiting').waitFor();

    await sb.customerSays({ from: CUSTOMER, text: 'I want a human', name: 'Dana' });
    const item = page.getByTestId('conversation-item').filter({ hasText: 'Dana' });
    await item.waitFor();
    await poll(() => page.getByTestId('inbox-unread').textContent()).toBe('1');
    await item.click();
    await page.getByRole('button', { name: 'Claim' }).first().click();
    await page.getByText('With a person').first().waitFor();
    await poll(() => page.getByRole('tab', { name: 'Mine' }).getAttribute('aria-selected')).toBe('true');

    const box = page.getByRole('textbox', { name: 'Reply' });
    // A shortcut that matches nothing says so, and Enter does not send the bare "/…" to the customer.
    const sentBefore = sb.sentTo(CUSTOMER).length;
    await box.fill('/no-such-reply');
    await page.getByText('No quick reply matches /no-such-reply.').waitFor();
    await box.press('Enter');
    await new Promise((r) => setTimeout(r, 300));
    expect(sb.sentTo(CUSTOMER).length).toBe(sentBefore);
    expect(await box.inputValue()).toBe('/no-such-reply');
    await box.fill('/tha');
    await page.getByRole('option', { name: /\/thanks/ }).waitFor();
    await box.press('Enter');
    await expect.poll(() => box.inputValue()).toBe('Thanks Dana, I am on it and will update you shortly.');
    await box.press('Enter');
    await poll(() => sb.sentTo(CUSTOMER)).toContain('Thanks Dana, I am on it and will update you shortly.');
    await page.getByTestId('message-bubble').filter({ hasText: 'Thanks Dana' }).waitFor();
    await page.locator('label').filter({ hasText: /^Internal note$/ }).click();
    await page.getByRole('textbox', { name: 'Internal note' }).fill('Asked about a late parcel; check with the courier.');
    await page.getByRole('textbox', { name: 'Internal note' }).press('Enter');
    await page.getByTestId('note-bubble').waitFor();
    await page.locator('label').filter({ hasText: /^Reply$/ }).click();
    await page.getByRole('textbox', { name: 'Labels' }).click();
    await page.getByRole('option', { name: 'New order' }).click();
    await page.keyboard.press('Escape');
    await item.getByText('New order').waitFor();
    await shot('inbox');

    const before = sb.sentTo(CUSTOMER).length;
    await page.getByRole('button', { name: 'Return to bot' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Return to bot' }).click();
    await page.getByText('Bot', { exact: true }).first().waitFor();
    await sb.customerSays({ from: CUSTOMER, text: 'hello', name: 'Dana' });
    await poll(() => sb.sentTo(CUSTOMER).length).toBeGreaterThan(before);
    expect(sb.sentTo(CUSTOMER).slice(before).join('\n')).not.toContain('Thanks Dana');
  });

  it('shows a customer message with markup as text and runs nothing', async () => {
    await sb.customerSays({ from: '15557770002', text: HOSTILE, name: 'Mallory' });
    await sb.customerSays({ from: '15557770002', text: 'operator', name: 'Mallory' });
    await page.getByRole('tab', { name: 'Queue' }).click();
    const item = page.getByTestId('conversation-item').filter({ hasText: 'Mallory' });
    await item.waitFor();
    await item.click();
    await page.getByTestId('message-bubble').filter({ hasText: HOSTILE }).waitFor();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await new Promise((r) => setTimeout(r, 300));
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('tells apart customers who share a name by their number, and only them', async () => {
    await sb.customerSays({ from: '15557770011', text: 'operator', name: 'Sam' });
    await sb.customerSays({ from: '15557770012', text: 'operator', name: 'Sam' });
    await page.getByRole('tab', { name: 'Queue' }).click();
    const sams = page.getByTestId('conversation-item').filter({ hasText: 'Sam' });
    await poll(() => sams.count()).toBe(2);
    await poll(() => sams.getByTestId('conversation-number').allInnerTexts()).toEqual(expect.arrayContaining(['+15557770011', '+15557770012']));
    expect(await page.getByTestId('conversation-item').filter({ hasText: 'Mallory' }).getByTestId('conversation-number').count()).toBe(0);
  });

  it('shows settings by role', async () => {
    await page.goto(`${sb.url}/settings?tab=quick-replies`);
    await page.getByText('/thanks').waitFor();
    expect(await page.getByRole('tab', { name: 'Users' }).count()).toBe(0);
    expect(await page.getByRole('tab', { name: 'Bot-wide requests' }).count()).toBe(0);
    await shot('settings-operator-quick-replies');

    await signInAs(ADMIN);
    await page.waitForURL(/\/flows$/);
    await page.goto(`${sb.url}/settings?tab=business`);
    await page.getByLabel('Name').first().waitFor();
    expect(await page.getByTestId('hours-preview-en').textContent()).toBe('Mon–Fri 9:00–18:00, Sat 10:00–16:30, Sun closed');
    expect(await page.getByTestId('hours-preview-ru').textContent()).toBe('пн–пт 9:00–18:00, сб 10:00–16:30, вс — выходной');
    await shot('settings-business');
    // The preview follows the editor before anything is saved.
    await page.getByRole('switch', { name: 'Monday', exact: true }).uncheck({ force: true });
    await poll(() => page.getByTestId('hours-preview-en').textContent()).toBe('Mon closed, Tue–Fri 9:00–18:00, Sat 10:00–16:30, Sun closed');
    expect(await page.getByTestId('hours-preview-ru').textContent()).toBe('пн — выходной, вт–пт 9:00–18:00, сб 10:00–16:30, вс — выходной');
    await page.getByTestId('hours-preview').scrollIntoViewIfNeeded();
    await shot('settings-business-hours');
    await page.getByRole('tab', { name: 'WhatsApp link' }).click();
    await page.getByTestId('wa-link').waitFor();
    expect(await page.getByTestId('wa-link').textContent()).toBe('https://wa.me/31201234567');
    expect(await page.locator('img[src^="data:image/svg+xml"]').count()).toBe(1);
    await shot('settings-wa-link');
    await page.getByRole('tab', { name: 'Users' }).click();
    await page.getByText(OPERATOR.email).waitFor();
    await shot('settings-users');
  });
});
