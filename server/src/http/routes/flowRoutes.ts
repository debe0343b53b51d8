import { z } from 'zod';
import type { FlowService } from '../../flows/flowService.js';
import { defineRoute, noBody, type Route } from '../route.js';

const editors = ['analyst'] as const;
const readers = ['analyst', 'operator'] as const;
const versionParam = (raw: string | undefined) => z.coerce.number().int().positive().parse(raw);

export function flowRoutes(flows: FlowService): Route[] {
  return [
    defineRoute({ method: 'get', path: '/api/flows', access: readers, summary: 'List flows with their status.', tag: 'flows', body: noBody, handle: async () => ({ body: { flows: await flows.list() } }) }),
    defineRoute({
      method: 'post',
      path: '/api/flows',
      access: editors,
      summary: 'Create or import a flow.',
      tag: 'flows',
      body: z.object({ flow: z.unknown() }),
      handle: async ({ body, user }) => ({ status: 201, body: { flow: await flows.create(body.flow, user?.email ?? null) } }),
    }),
    defineRoute({ method: 'get', path: '/api/flows/:id', access: readers, summary: 'A flow with its draft.', tag: 'flows', body: noBody, handle: async ({ params }) => ({ body: { flow: await flows.get(params.id ?? '') } }) }),
    defineRoute({
      method: 'put',
      path: '/api/flows/:id',
      access: editors,
      summary: 'Save the draft (refused with 409 if a newer revision exists).',
      tag: 'flows',
      body: z.object({ draft: z.unknown(), revision: z.number().int().min(0) }),
      handle: async ({ params, body, user }) => ({ body: { flow: await flows.save(params.id ?? '', body.draft, body.revision, user?.email ?? null) } }),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/flows/:id',
      access: editors,
      summary: 'Delete a flow.',
      tag: 'flows',
      body: noBody,
      async handle({ params }) {
        await flows.remove(params.id ?? '');
        return { status: 204 };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/flows/:id/duplicate',
      access: editors,
      summary: 'Copy a flow under a new id and name.',
      tag: 'flows',
      body: z.object({ id: z.string().min(1), name: z.string().min(1) }),
      handle: async ({ params, body, user }) => ({ status: 201, body: { flow: await flows.duplicate(params.id ?? '', body, user?.email ?? null) } }),
    }),
    defineRoute({ method: 'post', path: '/api/flows/:id/validate', access: readers, summary: 'Validate the draft with the rest of the bot.', tag: 'flows', body: noBody, handle: async ({ params }) => ({ body: { issues: await flows.validate(params.id ?? '') } }) }),
    defineRoute({
      method: 'post',
      path: '/api/flows/:id/publish',
      access: editors,
      summary: 'Publish the draft as a new immutable version (refused while it has errors).',
      tag: 'flows',
      body: z.object({ summary: z.string().max(500).optional() }),
      handle: async ({ params, body, user }) => ({ body: { version: await flows.publish(params.id ?? '', body.summary, user?.email ?? null) } }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/flows/:id/versions',
      access: readers,
      summary: 'Published versions, oldest first.',
      tag: 'flows',
      body: noBody,
      handle: async ({ params }) => ({ body: { versions: (await flows.versions(params.id ?? '')).map(({ doc: _doc, ...v }) => v) } }),
    }),
    defineRoute({ method: 'get', path: '/api/flows/:id/versions/:version', access: readers, summary: 'One published version with its document.', tag: 'flows', body: noBody, handle: async ({ params }) => ({ body: { version: await flows.version(params.id ?? '', versionParam(params.version)) } }) }),
    defineRoute({
      method: 'post',
      path: '/api/flows/:id/rollback',
      access: editors,
      summary: 'Make a published version the draft again and publish it.',
      tag: 'flows',
      body: z.object({ version: z.number().int().positive() }),
      handle: async ({ params, body, user }) => ({ body: await flows.rollback(params.id ?? '', body.version, user?.email ?? null) }),
    }),
  ];
}
