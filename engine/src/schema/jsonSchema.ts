import { z } from 'zod';
import { FlowSchema } from './flow.js';

/**
 * The JSON Schema (draft 2020-12) of a flow document as authors write it: fields with defaults are
 * optional. Generated from the zod schema so the two cannot disagree; `flows/flow.schema.json` is
 * its committed copy, for editors and for checking `*.flow.json` files.
 *
 * @example flowJsonSchema().required // → ['schemaVersion', 'id', 'name', 'locales', 'nodes', 'edges']
 */
export function flowJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(FlowSchema, { io: 'input', target: 'draft-2020-12' }),
    title: 'Switchboard flow',
    description: 'A conversation flow for the Switchboard WhatsApp bot: nodes and edges in React Flow shape.',
  };
}

/** The schema as it is written to `flows/flow.schema.json`: two-space indents, trailing newline. */
export const flowJsonSchemaText = (): string => `${JSON.stringify(flowJsonSchema(), null, 2)}\n`;
