/**
 * Writes flows/flow.schema.json from the engine's zod schema. Run after changing the flow schema:
 * `npm run schema -w engine`.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { flowJsonSchemaText } from '../src/schema/jsonSchema.js';

const target = fileURLToPath(new URL('../../flows/flow.schema.json', import.meta.url));
writeFileSync(target, flowJsonSchemaText());
console.log(`wrote ${target}`);
