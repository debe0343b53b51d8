/**
 * Opens generated 300- and 1,000-node flows in headless Chromium through the real app and reports
 * time to first render of every node and frame times while dragging one node.
 * Run: node --conditions=source --import tsx bench/designer/run.ts
 */
import os from 'node:os';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../../test/e2e/support/launchBrowser.js';
import { ADMIN, startDesignerServer } from '../../test/e2e/support/startDesignerServer.js';
import { generateFlow } from './generateFlow.js';

const SIZES = (process.env.BENCH_SIZES ?? '300,1000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const DRAG_MOVES = 120;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
};

/**
 * Milliseconds from navigation start until the canvas is drawn — every node, or for large flows
 * (which draw only what is on screen) every node on screen — and measured (not hidden),
 * and until the flow's API response had arrived (the rest is the browser's work).
 */
async function openTime(page: Page, url: string, count: number): Promise<{ total: number; api: number }> {
  await page.goto(url);
  const handle = await page.waitForFunction(
    (n) => {
      type Element = { style: { visibility: string } };
      const doc = (globalThis as unknown as { document: { querySelectorAll(selector: string): ArrayLike<Element> } }).document;
      const nodes = Array.from(doc.querySelectorAll('.react-flow__node'));
      // Large flows draw only the cards on screen: ready is all cards drawn, or (when fewer are) every drawn card measured.
      const ready = nodes.length === n || (nodes.length > 0 && n > 150);
      return ready && nodes.every((node) => node.style.visibility !== 'hidden') && performance.now();
    },
    count,
    { polling: 'raf', timeout: 120_000 },
  );
  const total = (await handle.jsonValue()) as number;
  const api = (await page.evaluate(
    `Math.max(...performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/flows/')).map((e) => e.responseEnd))`,
  )) as number;
  return { total, api };
}

/** The id of the node nearest the middle of the visible canvas. */
async function middleNode(page: Page): Promise<string> {
  return (await page.evaluate(`(() => {
    const pane = document.querySelector('.react-flow__pane').getBoundingClientRect();
    const cx = pane.left + pane.width / 2, cy = pane.top + pane.height / 2;
    let best = null, bestDistance = Infinity;
    for (const node of document.querySelectorAll('.react-flow__node')) {
      const r = node.getBoundingClientRect();
      const d = Math.hypot(r.left + r.width / 2 - cx, r.top + r.height / 2 - cy);
      if (d < bestDistance) { best = node.getAttribute('data-id'); bestDistance = d; }
    }
    return best;
  })()`)) as string;
}

/** Frame deltas (ms) recorded with requestAnimationFrame while a node is dragged across the canvas. */
async function dragFrames(page: Page): Promise<{ deltas: number[]; moved: boolean }> {
  const nodeId = await middleNode(page);
  const node = page.locator(`.react-flow__node[data-id="${nodeId}"]`);
  const before = await node.boundingBox();
  if (!before) throw new Error(`node ${nodeId} is not on the screen`);
  const start = { x: before.x + before.width / 2, y: before.y + Math.min(12, before.height / 2) };
  // A string, not a function: the TypeScript loader would wrap the named `tick` in a helper the page lacks.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__recording = true;
    const tick = (t) => {
      window.__frames.push(t);
      if (window.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (let i = 1; i <= DRAG_MOVES; i += 1) {
    await page.mouse.move(start.x + i * 2, start.y + Math.sin(i / 10) * 40);
    await page.waitForTimeout(8);
  }
  await page.mouse.up();
  const frames = (await page.evaluate('(() => { window.__recording = false; return window.__frames; })()')) as number[];
  const after = await node.boundingBox();
  const deltas = frames.slice(1).map((t, i) => t - (frames[i] ?? t));
  return { deltas, moved: Boolean(after && Math.abs(after.x - before.x) > 50) };
}

const sb = await startDesignerServer();
const browser = await launchBrowser();
const rows: string[] = [];
try {
  const { page } = browser;
  await page.goto(`${sb.url}/login`);
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel(/^Password/).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Flows' }).waitFor();

  for (const size of SIZES) {
    const id = `bench-${size}`;
    const { flow, nodeCount } = generateFlow({ id, nodes: size });
    const created = await sb.api('POST', '/api/flows', { flow });
    if (created.status !== 201) throw new Error(`could not create ${id}: ${created.status} ${JSON.stringify(created.json).slice(0, 300)}`);
    const url = `${sb.url}/flows/${id}`;
    await openTime(page, url, nodeCount);
    const opens: number[] = [];
    const apis: number[] = [];
    const deltas: number[] = [];
    let moved = true;
    for (let run = 0; run < RUNS; run += 1) {
      const open = await openTime(page, url, nodeCount);
      opens.push(open.total);
      apis.push(open.api);
      const drag = await dragFrames(page);
      moved &&= drag.moved;
      deltas.push(...drag.deltas);
      await page.keyboard.press('Control+z');
    }
    const mean = deltas.reduce((a, b) => a + b, 0) / deltas.length;
    rows.push(
      `| ${nodeCount} | ${median(opens).toFixed(0)} | ${Math.min(...opens).toFixed(0)}–${Math.max(...opens).toFixed(0)} | ${median(apis).toFixed(0)} | ${median(deltas).toFixed(1)} | ${percentile(deltas, 95).toFixed(1)} | ${Math.max(...deltas).toFixed(0)} | ${(1000 / mean).toFixed(0)} |${moved ? '' : ' (node did not move)'}`,
    );
  }
} finally {
  await browser.close();
  await sb.close();
}

process.stdout.write(
  [
    `Designer bench · ${new Date().toISOString()} · ${os.cpus().length} cores · ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB · load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} · Node ${process.version}`,
    `Open = navigation start → every node rendered and measured (median of ${RUNS}, warm cache). Drag = requestAnimationFrame deltas while dragging one node (${DRAG_MOVES} mouse moves).`,
    '',
    '| nodes | open ms (median) | open ms (range) | flow API done at ms | drag frame ms p50 | p95 | max | drag fps |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
  ].join('\n'),
);
