import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BotSettingsSchema, compileBot, type Bot, type FlowIssue } from '@switchboard/engine';
import { createDemoActions } from '../../server/src/actions/createDemoActions.js';
import type { ActionRegistry } from '../../server/src/actions/types.js';

export const FLOWS_DIR = path.resolve(import.meta.dirname, '../../flows');

export interface ExampleFlowFile {
  file: string;
  doc: unknown;
}

/** The example flow documents, ordered by file name (the order the server seeds them in). */
export function readExampleFlows(dir = FLOWS_DIR): ExampleFlowFile[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.flow.json'))
    .sort()
    .map((file) => ({ file, doc: JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as unknown }));
}

export function readExampleSettings(dir = FLOWS_DIR): unknown {
  return JSON.parse(readFileSync(path.join(dir, 'settings.json'), 'utf8')) as unknown;
}

export interface ExampleBot {
  bot: Bot;
  actions: ActionRegistry;
  issues: FlowIssue[];
}

/**
 * Compiles the example flows and settings the way the server does after seeding them (flows in
 * flow id order, as the store lists published flows) and pairs them with the real demo backend.
 */
export async function loadExampleBot(dir = FLOWS_DIR): Promise<ExampleBot> {
  const actions = await createDemoActions(path.join(dir, 'data'));
  const flows = readExampleFlows(dir)
    .map(({ doc }) => doc)
    .sort((a, b) => (flowIdOf(a) < flowIdOf(b) ? -1 : flowIdOf(a) > flowIdOf(b) ? 1 : 0));
  const settings = BotSettingsSchema.parse(readExampleSettings(dir));
  const result = compileBot({ flows, settings, actions: [...actions.keys()], version: 'examples' });
  if (!result.ok) throw new Error(`the example flows do not compile:\n${result.issues.map((i) => `  ${i.severity} ${i.code} ${i.flowId ?? ''} ${i.message}`).join('\n')}`);
  return { bot: result.bot, actions, issues: result.issues };
}

function flowIdOf(doc: unknown): string {
  return typeof doc === 'object' && doc !== null && 'id' in doc && typeof doc.id === 'string' ? doc.id : '';
}
