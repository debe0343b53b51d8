import { z } from 'zod';
import type { StatsService } from '../../stats/createStatsService.js';
import { defineRoute, noBody, type Route, type RouteResult } from '../route.js';

/** Statistics are for the people who run the bot: analysts (and admins, who may do anything). */
const access = ['analyst'] as const;
const QUERY_HELP = '?from=YYYY-MM-DD&to=YYYY-MM-DD (local days, both included; default the last 30) &tz=IANA zone (default the business\'s); &format=csv&table=… for a CSV export.';

function answer(result: { stats: unknown; csv(): { filename: string; text: string } }, query: Record<string, unknown>): RouteResult {
  if (query.format === 'csv') return { file: { contentType: 'text/csv; charset=utf-8', ...result.csv() } };
  return { body: result.stats };
}

export function statsRoutes(stats: StatsService): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/stats/messages',
      access,
      summary: `Messages sent, delivered, read, failed and received per day and in total, per flow and per template. ${QUERY_HELP} Tables: days, flows, templates.`,
      tag: 'stats',
      body: noBody,
      handle: async ({ query }) => answer(await stats.messages(query), query),
    }),
    defineRoute({
      method: 'get',
      path: '/api/stats/operators',
      access,
      summary: `Operators and teams: chats, first response, response and resolution times (median, p90), missed chats (&missedAfterMinutes=5), handoff reasons, heatmap, labels, countries. ${QUERY_HELP} Tables: operators, teams, reasons, heatmap, labels, countries.`,
      tag: 'stats',
      body: noBody,
      handle: async ({ query }) => answer(await stats.operators(query), query),
    }),
    defineRoute({
      method: 'get',
      path: '/api/stats/flows',
      access,
      summary: `Flows: starts, completion rate, visits and drop-off per node, edge traffic, fallback rate, top not-understood messages. ${QUERY_HELP} Tables: flows, nodes, edges, notUnderstood.`,
      tag: 'stats',
      body: noBody,
      handle: async ({ query }) => answer(await stats.flows(query), query),
    }),
    defineRoute({
      method: 'get',
      path: '/api/stats/flows/:id',
      access,
      summary: `One flow's node visits, drop-off and edge traffic (the editor's overlay). ${QUERY_HELP}`,
      tag: 'stats',
      body: noBody,
      handle: async ({ params, query }) => answer(await stats.flows(query, params.id ?? ''), query),
    }),
    defineRoute({
      method: 'post',
      path: '/api/stats/not-understood/examples',
      access,
      summary: 'Add a not-understood message as an example of an intent in the draft of the flow that declares it.',
      tag: 'stats',
      body: z.object({ intent: z.string().min(1), text: z.string().min(1).max(1000), locale: z.string().optional(), flowId: z.string().optional() }),
      handle: async ({ body, user }) => {
        const result = await stats.addExample({ ...body, by: user?.email ?? null });
        return { body: { flowId: result.flow.id, revision: result.flow.revision, added: result.added, locale: result.locale } };
      },
    }),
  ];
}
