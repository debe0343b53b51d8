import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textWebhook, waitFor } from '../support/testServer.js';
import { launchBrowser, type LaunchedBrowser } from './support/launchBrowser.js';
import { signIn } from './support/watchPage.js';
import { ADMIN, startDesignerServer, type DesignerServer } from './support/startDesignerServer.js';

const artifacts = fileURLToPath(new URL('../artifacts/analytics/', import.meta.url));
let sb: DesignerServer;
let browser: LaunchedBrowser;
let page: Page;

/** Customers talking to the example bot through signed webhooks, so the statistics have something to show. */
async function generateTraffic(): Promise<void> {
  const now = Math.floor(Date.now() / 1000);
  const chats: string[][] = [
    ['where is my order', '5521'],
    ['where is my parcel?', 'ord 8842'],
    ['заказ', '7310'],
    ['hi', 'the weather is lovely today', 'I want a human'],
  ];
  let n = 0;
  for (const [c, texts] of chats.entries()) {
    for (const text of texts) {
      n += 1;
      const res = await sb.server.postWebhook(textWebhook({ from: `1555500${String(c).padStart(4, '0')}`, name: `Customer ${c}`, wamid: `wamid.stats.${n}`, text, timestampSec: now + n }));
      expect(res.status).toBe(200);
      // One message at a time per customer: the next waits for the bot's answer to this one.
      await waitFor(async () => {
        const conversation = await sb.server.store.findConversation('whatsapp', '100000000000001', `1555500${String(c).padStart(4, '0')}`);
        const messages = conversation ? await sb.server.store.listMessages(conversation.id) : [];
        return messages.filter((m) => m.direction === 'in').every((m) => m.state === 'processed') && messages.length > 0;
      }, { what: `the bot to handle "${text}"` });
    }
  }
}

beforeAll(async () => {
  await mkdir(artifacts, { recursive: true });
  sb = await startDesignerServer();
  await generateTraffic();
  browser = await launchBrowser();
  page = browser.page;
  await signIn(page, sb.url, ADMIN);
  await page.waitForURL(/\/flows/);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await sb?.close();
});

describe('analytics in the browser', () => {
  it('draws the message statistics as a chart for the chosen period', async () => {
    await page.goto(`${sb.url}/analytics`);
    await page.getByTestId('analytics-page').waitFor();
    const chart = page.getByTestId('stats-messages-chart');
    await chart.waitFor();
    await expect.poll(() => chart.locator('.recharts-surface').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(artifacts, 'analytics-messages.png') });
    await page.getByTestId('analytics-tab-flows').click();
    await page.getByTestId('stats-flows').waitFor();
    await expect.poll(() => page.getByTestId('stats-not-understood-row').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    // The funnel names its nodes in full sentences ("What did the customer ask for?"): every name
    // on its axis is drawn inside the chart, none cut off at the card's left edge.
    const funnel = page.getByTestId('stats-funnel').locator('svg.recharts-surface').first();
    const names = page.getByTestId('stats-funnel').locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value');
    await expect.poll(() => names.count(), { timeout: 20_000 }).toBeGreaterThan(2);
    const chartLeft = (await funnel.boundingBox())?.x ?? Number.NaN;
    for (const box of await Promise.all((await names.all()).map((name) => name.boundingBox()))) {
      expect(box?.x).toBeGreaterThanOrEqual(chartLeft);
    }
    await page.screenshot({ path: path.join(artifacts, 'analytics-flows.png') });
  }, 90_000);

  it('overlays visit counts on the nodes of a flow in the editor', async () => {
    await page.goto(`${sb.url}/flows/order-tracking`);
    await page.locator('.react-flow__node').first().waitFor();
    await page.getByTestId('flow-overlay-toggle').check({ force: true });
    const visits = page.getByTestId('node-analytics-visits');
    await expect.poll(() => visits.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const counts = (await visits.allTextContents()).map((t) => Number(/\d+/.exec(t)?.[0] ?? 0));
    // Three customers went through order tracking (English twice, Russian once).
    expect(Math.max(...counts)).toBeGreaterThanOrEqual(3);
    await page.screenshot({ path: path.join(artifacts, 'flow-overlay.png') });
  }, 90_000);
});
