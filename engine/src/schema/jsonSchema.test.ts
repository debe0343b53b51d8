import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { flowJsonSchema, flowJsonSchemaText } from './jsonSchema.js';

const committed = new URL('../../../flows/flow.schema.json', import.meta.url);

// Compiled once: ajv takes about a second for a schema this size.
const validate = new Ajv2020({ allErrors: true, allowUnionTypes: true, validateFormats: false }).compile(flowJsonSchema());

describe('flowJsonSchema', () => {
  it('matches the committed flows/flow.schema.json (run `npm run schema -w engine` after changing the schema)', () => {
    expect(readFileSync(committed, 'utf8')).toBe(flowJsonSchemaText());
  });

  it('accepts a minimal flow without the fields that have defaults', () => {
    const minimal = {
      schemaVersion: 1,
      id: 'hello',
      name: 'Hello',
      locales: ['en'],
      nodes: [
        { id: 's', type: 'start', position: { x: 0, y: 0 }, data: {} },
        { id: 'm', type: 'message', position: { x: 200, y: 0 }, data: { text: { en: 'Hi {{profile.name}}' } }, selected: true },
      ],
      edges: [{ id: 'e1', source: 's', sourceHandle: 'next', target: 'm' }],
    };
    expect(validate(minimal), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rejects a flow with an unknown node type or a missing name', () => {
    const base = { schemaVersion: 1, id: 'x', name: 'X', locales: ['en'], edges: [] };
    expect(validate({ ...base, nodes: [{ id: 'q', type: 'teleport', position: { x: 0, y: 0 }, data: {} }] })).toBe(false);
    expect(validate({ ...base, name: undefined, nodes: [] })).toBe(false);
  });
});
