import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BOT_REQUEST_PRECEDENCE } from '@switchboard/engine';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canvasNode, canvasNodes, checkedIssuesPanel, connectHandles, dropFromPalette, waitUntilInPane } from './support/canvas.js';
import { launchBrowser, type LaunchedBrowser } from './support/launchBrowser.js';
import { screenshotFailures, signIn, watchPage } from './support/watchPage.js';
import { ADMIN, startDesignerServer, type DesignerServer } from './support/startDesignerServer.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ARTIFACTS = path.join(ROOT, 'test/artifacts/e2e');
const EXAMPLES = readdirSync(path.join(ROOT, 'flows'))
  .filter((f) => f.endsWith('.flow.json'))
  .map((f) => JSON.parse(readFileSync(path.join(ROOT, 'flows', f), 'utf8')) as { id: string; name: string; nodes: unknown[] })
  .sort((a, b) => a.id.localeCompare(b.id));

let sb: DesignerServer;
let browser: LaunchedBrowser;
let page: Page;
const dialogs: string[] = [];
const pageErrors: string[] = [];

/** Polls like Playwright's web-first assertions: the app is async, a loaded machine is slow. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 100 });
const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
const preview = () => page.getByRole('dialog', { name: 'Preview' });
const inspector = () => page.locator('aside').last();

beforeAll(async () => {
  await rm(ARTIFACTS, { recursive: true, force: true });
  await mkdir(ARTIFACTS, { recursive: true });
  [sb, browser] = await Promise.all([startDesignerServer(), launchBrowser()]);
  page = browser.page;
  watchPage(page, { dialogs, pageErrors });
}, 180_000);

screenshotFailures(shot);

afterAll(async () => {
  await browser?.close();
  await sb?.close();
});

describe('the designer in a browser', { timeout: 60_000 }, () => {
  it('signs in and lists the example flows', async () => {
    await page.goto(sb.url);
    await page.waitForURL(/\/login/);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel(/^Password/).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Flows' }).waitFor();
    for (const example of EXAMPLES) await page.getByRole('link', { name: example.name, exact: true }).waitFor();
    await shot('01-flows-list');
  });

  it('creates a blank flow that teaches what to do on its empty canvas', async () => {
    await page.getByRole('button', { name: 'New flow' }).click();
    await page.getByRole('dialog').getByLabel('Name').fill('Ticket booking');
    await poll(() => page.getByRole('dialog').getByLabel('ID').inputValue()).toBe('ticket-booking');
    await page.getByRole('button', { name: 'Create and open' }).click();
    await page.waitForURL(/\/flows\/ticket-booking$/);
    await page.getByText('This flow is empty').waitFor();
    await poll(() => canvasNodes(page).count()).toBe(1);
    await shot('02-empty-canvas');
  });

  it('builds start → question → route → message → end by dragging from the palette and between handles', async () => {
    await dropFromPalette(page, { title: 'Question', at: { x: 60, y: 230 } });
    await canvasNode(page, 'ask-1').waitFor();
    await poll(() => page.getByText('This flow is empty').count()).toBe(0);
    await dropFromPalette(page, { title: 'Route', at: { x: 560, y: 120 } });
    await dropFromPalette(page, { title: 'Message', at: { x: 60, y: 560 } });
    await dropFromPalette(page, { title: 'End', at: { x: 560, y: 600 } });
    await poll(() => canvasNodes(page).count()).toBe(5);
    for (const id of ['route-1', 'message-1', 'end-1']) await canvasNode(page, id).waitFor();

    await connectHandles(page, { source: 'start', handle: 'next', target: 'ask-1' });
    await connectHandles(page, { source: 'ask-1', handle: 'valid', target: 'route-1' });
    await connectHandles(page, { source: 'route-1', handle: 'fallback', target: 'end-1' });
    await connectHandles(page, { source: 'message-1', handle: 'next', target: 'end-1' });
    await poll(() => page.locator('.react-flow__edge').count()).toBe(4);
  });

  it('fills the question, route, message and end in the inspector, in English and Russian', async () => {
    await canvasNode(page, 'ask-1').click();
    await inspector().getByText('ask-1', { exact: true }).waitFor();
    await page.getByLabel('Question (EN)').fill('How many tickets do you need?');
    await page.getByLabel('Question (RU)').fill('Сколько билетов вам нужно?');
    await page.getByRole('textbox', { name: 'Save the answer in' }).fill('tickets');
    await page.getByRole('textbox', { name: 'Save the answer in' }).press('Escape');
    await page.getByRole('textbox', { name: 'Expected answer' }).click();
    await page.getByRole('option', { name: 'Number', exact: true }).click();
    await page.getByLabel('When the answer does not fit (EN)').fill('Please answer with a number, like 2.');
    await page.getByLabel('When the answer does not fit (RU)').fill('Ответьте числом, например 2.');
    await poll(() => canvasNode(page, 'ask-1').innerText()).toContain('How many tickets do you need?');
    await shot('03-inspector-question');

    await canvasNode(page, 'route-1').click();
    await page.getByRole('button', { name: 'Add rule' }).click();
    await page.getByRole('menuitem', { name: /^Variable/ }).click();
    await inspector().getByRole('textbox', { name: 'Variable' }).fill('tickets');
    await inspector().getByRole('textbox', { name: 'Variable' }).press('Escape');
    await inspector().getByRole('textbox', { name: 'Condition' }).click();
    await page.getByRole('option', { name: 'is at least' }).click();
    await inspector().getByRole('textbox', { name: 'Value' }).fill('2');
    await canvasNode(page, 'route-1').locator('.react-flow__handle.source[data-handleid="rule-1"]').waitFor();
    await connectHandles(page, { source: 'route-1', handle: 'rule-1', target: 'message-1' });

    await canvasNode(page, 'message-1').click();
    await page.getByLabel('Text (EN)').fill('Great: {{tickets}} tickets, booked together.');

    await canvasNode(page, 'end-1').click();
    await page.getByLabel('Goodbye message (EN)').fill('See you at the show!');
    await page.getByLabel('Goodbye message (RU)').fill('До встречи на концерте!');

    await page.locator('header').getByText('RU', { exact: true }).click();
    await poll(() => canvasNode(page, 'ask-1').innerText()).toContain('Сколько билетов вам нужно?');
    await page.locator('header').getByText('EN', { exact: true }).click();
    await poll(() => canvasNode(page, 'ask-1').innerText()).toContain('How many tickets do you need?');
  });

  it('reports the missing Russian text, leads to its node, and clears the issue once it is written', async () => {
    await page.locator('.react-flow__pane').click({ position: { x: 400, y: 20 } });
    const panel = await checkedIssuesPanel(page);
    await poll(() => panel.locator('button').first().innerText()).toMatch(/\b1 error\b/i);
    await page.getByRole('button', { name: 'Validate' }).click();
    const issue = panel.getByRole('button', { name: /Text \(ru\) is empty/i });
    await issue.waitFor();
    await expect(page.locator('header').getByRole('button', { name: 'Publish', exact: true }).isDisabled()).resolves.toBe(true);
    await poll(() => canvasNode(page, 'message-1').locator('[aria-label="error on this node"]').count()).toBe(1);
    await shot('04-issues-panel');

    await issue.click();
    await inspector().getByText('message-1', { exact: true }).waitFor();
    await page.getByLabel('Text (RU)').fill('Отлично: {{tickets}} билета, вместе.');
    await page.locator('section[aria-label="Validation issues"][data-checked]').getByText('No problems found').waitFor();
    await poll(() => canvasNode(page, 'message-1').locator('[aria-label="error on this node"]').count()).toBe(0);
    await page.getByRole('button', { name: 'Validate' }).click();
    await page.getByRole('button', { name: 'Auto-layout' }).click();
    // Let the fit-view animation finish first: a click on the pane would interrupt it half-way.
    for (const id of ['start', 'ask-1', 'route-1', 'message-1', 'end-1']) await waitUntilInPane(page, id);
    await page.locator('.react-flow__pane').click({ position: { x: 400, y: 20 } });
    await inspector().getByText('Flow settings').waitFor();
    await shot('05-editor-built-flow');
  });

  it('publishes the flow as version 1', async () => {
    await page.locator('header').getByRole('button', { name: 'Publish', exact: true }).click();
    const modal = page.getByRole('dialog', { name: 'Publish this flow' });
    await modal.getByLabel('What changed?').fill('First version, built in the browser test');
    await modal.getByRole('button', { name: 'Publish' }).click();
    await page.getByText('Published version 1').waitFor();
    await modal.waitFor({ state: 'hidden' });
    const flow = await sb.api<{ flow: { status: string; publishedVersion: number } }>('GET', '/api/flows/ticket-booking');
    expect(flow.json.flow).toMatchObject({ status: 'published', publishedVersion: 1 });
    // Nothing new to publish until the flow is edited again.
    await expect(page.locator('header').getByRole('button', { name: 'Publish', exact: true }).isDisabled()).resolves.toBe(true);
  });

  it('chats with the flow in the preview to the end, following the live node on the canvas', async () => {
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    const chat = preview();
    await chat.locator('[data-from="bot"]', { hasText: 'How many tickets do you need?' }).waitFor();
    await canvasNode(page, 'ask-1').locator('[data-active]').waitFor();
    // The preview lies over the inspector, not the canvas: the canvas's own controls stay in view
    // (measured once the drawer has slid all the way in).
    const viewportWidth = page.viewportSize()?.width ?? Number.NaN;
    await poll(async () => {
      const box = await chat.boundingBox();
      return box ? Math.round(box.x + box.width) : null;
    }).toBe(viewportWidth);
    const drawerLeft = (await chat.boundingBox())?.x ?? Number.NaN;
    const overlayToggle = await page.locator('.react-flow').getByText('Traffic', { exact: true }).boundingBox();
    expect((overlayToggle?.x ?? Number.NaN) + (overlayToggle?.width ?? 0)).toBeLessThanOrEqual(drawerLeft);

    await chat.getByLabel('Message to the bot').fill('a few');
    await chat.getByLabel('Message to the bot').press('Enter');
    await chat.locator('[data-from="bot"]', { hasText: 'Please answer with a number, like 2.' }).waitFor();

    await chat.getByLabel('Message to the bot').fill('3');
    await chat.getByRole('button', { name: 'Send' }).click();
    await chat.locator('[data-from="bot"]', { hasText: 'Great: 3 tickets, booked together.' }).waitFor();
    await chat.locator('[data-from="bot"]', { hasText: 'See you at the show!' }).waitFor();
    await chat.locator('[data-from="system"]', { hasText: 'The conversation ended.' }).waitFor();
    await expect(chat.getByLabel('Message to the bot').isDisabled()).resolves.toBe(true);
    expect(await chat.locator('[data-from="customer"]').allInnerTexts()).toEqual(['a few', '3']);
    await poll(() => page.locator('.react-flow__node [data-active]').count()).toBe(0);
    await shot('06-preview-ended');

    await chat.getByLabel('Restart preview').click();
    await canvasNode(page, 'ask-1').locator('[data-active]').waitFor();
    await shot('07-preview-live-node');
    await page.keyboard.press('Escape');
    await chat.waitFor({ state: 'hidden' });
  });

  it('undoes and redoes adding a node with Ctrl+Z and Ctrl+Shift+Z', async () => {
    await dropFromPalette(page, { title: 'Tag', at: { x: 60, y: 40 } });
    await canvasNode(page, 'tag-1').waitFor();
    await page.locator('.react-flow__pane').click({ position: { x: 400, y: 20 } });
    await poll(() => canvasNodes(page).count()).toBe(6);
    await page.keyboard.press('Control+z');
    await poll(() => canvasNodes(page).count()).toBe(5);
    await page.keyboard.press('Control+Shift+z');
    await poll(() => canvasNodes(page).count()).toBe(6);
    await page.keyboard.press('Control+z');
    await poll(() => canvasNodes(page).count()).toBe(5);
    await page.getByText('Saved', { exact: true }).waitFor();
  });

  it('exports the flow as a file and imports it back as a new flow', async () => {
    await page.getByRole('link', { name: 'Back to all flows' }).click();
    const row = page.getByRole('row', { name: /Ticket booking/ });
    await row.getByRole('button').last().click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Export .flow.json' }).click()]);
    expect(download.suggestedFilename()).toBe('ticket-booking.flow.json');
    const file = path.join(ARTIFACTS, download.suggestedFilename());
    await download.saveAs(file);
    const exported = JSON.parse(readFileSync(file, 'utf8')) as { id: string; nodes: { id: string }[]; edges: unknown[] };
    expect(exported.id).toBe('ticket-booking');
    expect(exported.nodes.map((n) => n.id).sort()).toEqual(['ask-1', 'end-1', 'message-1', 'route-1', 'start']);
    expect(exported.edges).toHaveLength(5);

    await page.getByRole('button', { name: 'Import' }).click();
    const modal = page.getByRole('dialog', { name: 'Import a flow' });
    await modal.locator('input[type="file"]').setInputFiles(file);
    await modal.getByText('5 nodes · 5 edges').waitFor();
    await modal.getByLabel('Name').fill('Ticket booking (imported)');
    await modal.getByLabel('ID').fill('ticket-booking-imported');
    await modal.getByRole('button', { name: 'Import and open' }).click();
    await page.waitForURL(/\/flows\/ticket-booking-imported$/);
    await poll(() => canvasNodes(page).count()).toBe(5);
    await poll(() => page.locator('.react-flow__edge').count()).toBe(5);
    await (await checkedIssuesPanel(page)).getByText('No problems found').waitFor();
  });

  it('shows message text with markup as text on the canvas and in the preview', async () => {
    const payload = '<img src=x onerror=alert(1)>';
    const created = await sb.api('POST', '/api/flows', {
      flow: {
        schemaVersion: 1,
        id: 'markup-check',
        name: 'Markup check',
        locales: ['en'],
        nodes: [
          { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
          { id: 'hello', type: 'message', position: { x: 320, y: 0 }, data: { label: payload, text: { en: `Hi ${payload}` } } },
          { id: 'bye', type: 'end', position: { x: 640, y: 0 }, data: {} },
        ],
        edges: [
          { id: 'e1', source: 'start', sourceHandle: 'next', target: 'hello' },
          { id: 'e2', source: 'hello', sourceHandle: 'next', target: 'bye' },
        ],
      },
    });
    expect(created.status).toBe(201);
    await page.goto(`${sb.url}/flows/markup-check`);
    await poll(() => canvasNode(page, 'hello').innerText()).toContain(`Hi ${payload}`);
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await preview().locator('[data-from="bot"]', { hasText: `Hi ${payload}` }).waitFor();
    await preview().locator('[data-from="system"]', { hasText: 'The conversation ended.' }).waitFor();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  describe('each example flow', () => {
    it('opens a flow by a click anywhere on its row of the list, not only on its name', async () => {
      const example = EXAMPLES[0];
      if (!example) throw new Error('no example flows');
      await page.goto(`${sb.url}/flows`);
      // The flow's id under its name: plain text, not the link.
      await page.getByRole('row').filter({ hasText: example.name }).getByText(example.id, { exact: true }).click();
      await page.waitForURL(`**/flows/${example.id}`);
      await poll(() => canvasNodes(page).count()).toBe(example.nodes.length);
    });

    for (const example of EXAMPLES) {
      it(`opens ${example.id} with all ${example.nodes.length} nodes and no validation issues`, async () => {
        await page.goto(`${sb.url}/flows/${example.id}`);
        await poll(() => canvasNodes(page).count()).toBe(example.nodes.length);
        const panel = await checkedIssuesPanel(page);
        await panel.getByText('No problems found').waitFor();
        expect(await page.locator('.react-flow__node [aria-label$="on this node"]').count()).toBe(0);
        await shot(`example-${example.id}`);
      });
    }

    it('answers through a list and reply buttons in the main menu preview', async () => {
      await page.goto(`${sb.url}/flows/main-menu`);
      await page.getByRole('button', { name: 'Preview', exact: true }).click();
      const chat = preview();
      await chat.locator('[data-from="bot"]', { hasText: 'How can I help you today?' }).waitFor();
      await chat.getByRole('button', { name: 'Choose' }).click();
      await page.getByRole('button', { name: /Track my order/ }).click();
      await chat.locator('[data-from="bot"]', { hasText: 'send your order number' }).waitFor();
      await chat.getByLabel('Message to the bot').fill('ord5521');
      await chat.getByLabel('Message to the bot').press('Enter');
      await chat.locator('[data-from="bot"]', { hasText: 'ORD-5521 is out for delivery' }).waitFor();
      for (const title of ['Another order', 'Main menu', 'No, thanks']) await chat.getByRole('button', { name: title }).waitFor();
      await shot('08-preview-buttons');
      await chat.getByRole('button', { name: 'No, thanks' }).click();
      await poll(() => chat.locator('[data-from="customer"]').last().innerText()).toBe('No, thanks');
      await poll(() => chat.getByRole('button', { name: 'Another order' }).isDisabled()).toBe(true);
    });
  });

  it('lets an analyst read the bot-wide requests in the order they win and add a phrase', async () => {
    const analyst = { email: 'ana@example.com', password: 'analyst-password-1' };
    expect((await sb.api('POST', '/api/users', { ...analyst, name: 'Ana', role: 'analyst' })).status).toBe(201);
    await signIn(page, sb.url, analyst);
    await page.waitForURL(/\/flows$/);
    await page.goto(`${sb.url}/settings?tab=requests`);
    const rungs = page.getByTestId('request-rung');
    await rungs.first().waitFor();
    expect(await rungs.evaluateAll((els) => els.map((el) => el.getAttribute('data-rung')))).toEqual([...BOT_REQUEST_PRECEDENCE]);
    await page.getByText('Wins over everything else', { exact: false }).waitFor();
    await shot('09-settings-bot-wide-requests');

    const goodbye = page.locator('[data-rung="goodbye"]');
    const phrase = goodbye.getByRole('textbox', { name: 'English phrases' });
    await phrase.scrollIntoViewIfNeeded();
    await phrase.fill('ciao');
    await phrase.press('Enter');
    await goodbye.getByText('ciao', { exact: true }).waitFor();
    // A phrase under two requests is pointed out on both: the earlier one answers it.
    await phrase.fill('cheers');
    await phrase.press('Enter');
    const clash = goodbye.getByText('"cheers" is also under Thanks; Goodbye comes first and answers it.');
    await clash.waitFor();
    await page.locator('[data-rung="thanks"]').getByText('"cheers" is answered as Goodbye, which comes first; here it has no effect.').waitFor();
    await page.getByText('Unsaved changes.').waitFor();
    await shot('10-settings-bot-wide-requests-edited');
    await phrase.press('Backspace');
    await clash.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText(/^Saved\. The bot reads/).waitFor();
    const saved = await sb.api<{ requests: { phrases: { goodbye: { en: string[] } } } }>('GET', '/api/settings/requests');
    expect(saved.json.requests.phrases.goodbye.en).toContain('ciao');
    await page.getByText('No unsaved changes.').waitFor();
    await page.locator('[data-rung="flow"]').scrollIntoViewIfNeeded();
    await shot('11-settings-bot-wide-requests-end');
  });

  it('raised no page errors and opened no dialogs', () => {
    expect(pageErrors).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
