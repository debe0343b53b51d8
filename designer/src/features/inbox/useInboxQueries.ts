import { useQuery } from '@tanstack/react-query';
import { catalogKeys, labelsApi, templatesApi } from '../../api/catalog';
import { getConversation, inboxKeys, listConversations, listOperators, listQuickRepliesFor, type ListFilter } from './inboxApi';

export const useConversationList = (filter: ListFilter) =>
  useQuery({ queryKey: inboxKeys.list(filter), queryFn: () => listConversations(filter), refetchInterval: 60_000 });

export const useConversation = (id: string | undefined) =>
  useQuery({ queryKey: inboxKeys.view(id ?? ''), queryFn: () => getConversation(id ?? ''), enabled: Boolean(id) });

export const useOperators = () => useQuery({ queryKey: inboxKeys.operators, queryFn: listOperators, staleTime: 30_000 });

export const useLabels = () => useQuery({ queryKey: catalogKeys.labels, queryFn: labelsApi.list, staleTime: 60_000 });

export const useTemplates = () => useQuery({ queryKey: catalogKeys.templates, queryFn: templatesApi.list, staleTime: 60_000 });

export const useConversationQuickReplies = (id: string) =>
  useQuery({ queryKey: inboxKeys.quickReplies(id), queryFn: () => listQuickRepliesFor(id), staleTime: 30_000 });

/** A label's colour by name (labels on conversations are stored by name). */
export function useLabelColors(): (name: string) => string {
  const labels = useLabels();
  const byName = new Map((labels.data ?? []).map((l) => [l.name.toLowerCase(), l.color]));
  return (name) => byName.get(name.toLowerCase()) ?? '#868e96';
}
