import type { z } from 'zod';
import type { CatalogService } from '../../inbox/createCatalogService.js';
import { LabelSchema, QuickReplySchema, TemplateSchema, type Label, type QuickReply, type Template } from '../../inbox/catalogSchemas.js';
import type { UserRole } from '../../store/types.js';
import { defineRoute, noBody, type Route } from '../route.js';

type Access = 'user' | readonly UserRole[];

/** List, create, replace and delete for one catalog collection. */
function crud<T>(input: { path: string; tag: string; what: string; service: CatalogService<T>; schema: z.ZodType<T>; read: Access; write: Access }): Route[] {
  const { service, path, tag } = input;
  const toBody = (e: { id: string; updatedAt: number; value: T }) => ({ id: e.id, updatedAt: e.updatedAt, ...Object(e.value) });
  return [
    defineRoute({ method: 'get', path, access: input.read, summary: `All ${input.what}s.`, tag, body: noBody, handle: async () => ({ body: { items: (await service.list()).map(toBody) } }) }),
    defineRoute({ method: 'post', path, access: input.write, summary: `Create a ${input.what}.`, tag, body: input.schema, handle: async ({ body }) => ({ status: 201, body: toBody(await service.create(body)) }) }),
    defineRoute({ method: 'put', path: `${path}/:id`, access: input.write, summary: `Replace a ${input.what}.`, tag, body: input.schema, handle: async ({ params, body }) => ({ body: toBody(await service.update(params.id ?? '', body)) }) }),
    defineRoute({
      method: 'delete',
      path: `${path}/:id`,
      access: input.write,
      summary: `Delete a ${input.what}.`,
      tag,
      body: noBody,
      async handle({ params }) {
        await service.remove(params.id ?? '');
        return { status: 204 };
      },
    }),
  ];
}

/**
 * Quick replies (operators manage them), labels (everyone reads them for tag nodes and filters,
 * operators manage them) and templates (analysts keep the list, operators pick from it).
 */
export function catalogRoutes(deps: { quickReplies: CatalogService<QuickReply>; labels: CatalogService<Label>; templates: CatalogService<Template> }): Route[] {
  return [
    ...crud({ path: '/api/quick-replies', tag: 'quick replies', what: 'quick reply', service: deps.quickReplies, schema: QuickReplySchema, read: ['operator'], write: ['operator'] }),
    ...crud({ path: '/api/labels', tag: 'labels', what: 'label', service: deps.labels, schema: LabelSchema, read: 'user', write: ['operator'] }),
    ...crud({ path: '/api/templates', tag: 'templates', what: 'template', service: deps.templates, schema: TemplateSchema, read: 'user', write: ['analyst'] }),
  ];
}
