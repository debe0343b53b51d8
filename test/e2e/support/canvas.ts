import type { Locator, Page } from 'playwright-core';

export interface Point {
  x: number;
  y: number;
}

const centre = async (locator: Locator): Promise<Point> => {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  if (!box) throw new Error(`no bounding box for ${String(locator)}`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
};

export const canvasNode = (page: Page, id: string): Locator => page.locator(`.react-flow__node[data-id="${id}"]`);
export const canvasNodes = (page: Page): Locator => page.locator('.react-flow__node');

/** Where the canvas pane is on the screen. */
export async function paneBox(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await page.locator('.react-flow__pane').boundingBox();
  if (!box) throw new Error('the canvas pane is not on the screen');
  return box;
}

/** Drags a node type from the palette and drops it on the canvas at `at` (relative to the pane), with real mouse events. */
export async function dropFromPalette(page: Page, args: { title: string; at: Point }): Promise<void> {
  const from = await centre(page.getByRole('button', { name: `Add a ${args.title} node` }));
  const pane = await paneBox(page);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 30, from.y + 5, { steps: 3 });
  await page.mouse.move(pane.x + args.at.x, pane.y + args.at.y, { steps: 8 });
  await page.mouse.up();
}

/** Draws an edge by dragging from a node's output handle to another node's input handle. */
export async function connectHandles(page: Page, args: { source: string; handle: string; target: string }): Promise<void> {
  const from = await centre(canvasNode(page, args.source).locator(`.react-flow__handle.source[data-handleid="${args.handle}"]`));
  const to = await centre(canvasNode(page, args.target).locator('.react-flow__handle.target'));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 6 });
  await page.mouse.move(to.x, to.y, { steps: 6 });
  await page.mouse.up();
  await page
    .locator(`.react-flow__edge[data-id^="e-${args.source}-${args.handle}"], .react-flow__edge[data-testid^="rf__edge-e-${args.source}-${args.handle}"]`)
    .first()
    .waitFor();
}

/** The validation panel once the current draft has been checked. */
export async function checkedIssuesPanel(page: Page): Promise<Locator> {
  const panel = page.locator('section[aria-label="Validation issues"][data-checked]');
  await panel.waitFor();
  return panel;
}

/** Waits until a node sits wholly inside the visible pane (after a fit-view animation, say). */
export async function waitUntilInPane(page: Page, id: string): Promise<void> {
  await page.waitForFunction(
    (nodeId) => {
      // The tests compile without the DOM library: name just what this check reads.
      type Box = { left: number; right: number; top: number; bottom: number };
      const doc = (globalThis as unknown as { document: { querySelector(selector: string): { getBoundingClientRect(): Box } | null } }).document;
      const pane = doc.querySelector('.react-flow__pane')?.getBoundingClientRect();
      const node = doc.querySelector(`.react-flow__node[data-id="${nodeId}"]`)?.getBoundingClientRect();
      return Boolean(pane && node && node.left >= pane.left && node.right <= pane.right && node.top >= pane.top && node.bottom <= pane.bottom);
    },
    id,
    // A fit-view animation on a busy 2-core machine can take a while to settle.
    { polling: 'raf', timeout: 45_000 },
  );
}
