import { z } from 'zod';
import type { Route } from './route.js';

/** How a route is secured, with `x-roles`: the roles a session needs (`any` for every signed-in user). */
function accessOf(access: Route['access']): Record<string, unknown> {
  if (access === 'public') return {};
  if (access === 'apiKey') return { security: [{ apiKey: [] }, { session: [] }], 'x-roles': ['admin'], 'x-api-key': true };
  return { security: [{ session: [] }], 'x-roles': access === 'user' ? ['any'] : ['admin', ...access] };
}

/** An OpenAPI 3.1 document generated from the route table and its zod schemas. */
export function openApi(routes: readonly Route[], version: string): unknown {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const params = [...route.path.matchAll(/:([A-Za-z]+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    paths[path] ??= {};
    paths[path][route.method] = {
      summary: route.summary,
      tags: [route.tag],
      ...(params.length ? { parameters: params } : {}),
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(route.body, { io: 'input', unrepresentable: 'any' }) } } } } : {}),
      responses: {
        '2XX': { description: 'Success' },
        default: { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
      ...accessOf(route.access),
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Switchboard API', version },
    paths,
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sb_session' }, apiKey: { type: 'http', scheme: 'bearer', description: 'An API key (sbk_…) created by an admin.' } },
      schemas: {
        Error: {
          type: 'object',
          properties: { error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} }, required: ['code', 'message'] } },
        },
      },
    },
  };
}
