import { useDebouncedValue } from '@mantine/hooks';
import type { Flow, ValidationContext } from '@switchboard/engine/schema';
import { useQueries } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { getFlow } from '../../../api/flows';
import { queryKeys } from '../../../api/queryKeys';
import type { Meta } from '../../../api/schemas';
import { selectSettledFlow } from '../store/createEditorStore';
import { useEditor, useEditorStore } from '../store/EditorStoreContext';
import type { validateDraft as ValidateDraftFn } from './validateDraft';

type ValidateDraft = typeof ValidateDraftFn;

const jumpTargets = (flow: Flow): string[] => [
  ...new Set(flow.nodes.flatMap((n) => (n.type === 'jump' && n.data.flowId && n.data.flowId !== flow.id ? [n.data.flowId] : []))),
];

/**
 * Validates the draft ~150 ms after each change against what the server knows (actions, intents,
 * the flows jumps lead to) once those are loaded, and puts the issues in the store.
 */
export function useValidation(meta: Meta | undefined, metaPending: boolean): void {
  const store = useEditorStore();
  const flow = useEditor(selectSettledFlow);
  const [validateDraft, setValidateDraft] = useState<ValidateDraft | null>(null);
  // Validation carries a regex analyser; it loads beside the editor instead of delaying it.
  useEffect(() => {
    let live = true;
    void import('./validateDraft').then((module) => live && setValidateDraft(() => module.validateDraft));
    return () => {
      live = false;
    };
  }, []);
  const [settled] = useDebouncedValue(flow, 150);
  const targets = useMemo(() => jumpTargets(settled), [settled]);
  const others = useQueries({
    queries: targets.map((id) => ({
      queryKey: queryKeys.flow(id),
      queryFn: () => getFlow(id),
      enabled: meta?.flows.some((f) => f.id === id) ?? false,
      staleTime: 60_000,
    })),
  });
  const otherDrafts = others.map((q) => q.data?.draft);
  const otherKey = otherDrafts.map((d) => d?.id ?? '').join('|');
  // Checking before the server's flows and actions arrive would flag every jump and action for a moment.
  const loadingTargets = metaPending || others.some((q) => q.isPending && q.fetchStatus === 'fetching');

  useEffect(() => {
    if (!validateDraft || loadingTargets) return;
    const context: ValidationContext = {
      flows: otherDrafts.filter((d): d is Flow => d !== undefined),
      ...(meta ? { actions: meta.actions, intents: meta.intents } : {}),
    };
    store.getState().setIssues(validateDraft(settled, context), settled);
    // otherKey stands for the loaded drafts: the array itself is new on every render.
  }, [settled, meta, otherKey, loadingTargets, store, validateDraft]);
}
