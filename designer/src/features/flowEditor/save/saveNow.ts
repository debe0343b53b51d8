import { notifications } from '@mantine/notifications';
import { FlowSchema } from '@switchboard/engine/schema';
import type { QueryClient } from '@tanstack/react-query';
import { saveDraft } from '../../../api/flows';
import { isApiError } from '../../../api/http';
import { queryKeys } from '../../../api/queryKeys';
import { IssuesDetailsSchema } from '../../../api/schemas';
import type { EditorStore } from '../store/createEditorStore';

export type SaveOutcome = 'saved' | 'unchanged' | 'conflict' | 'invalid' | 'failed' | 'busy';

/**
 * Sends the current draft with the revision it builds on. A newer save by someone else becomes a
 * conflict for the analyst to resolve; it is never overwritten silently.
 */
export async function saveNow(args: { store: EditorStore; flowId: string; queryClient: QueryClient }): Promise<SaveOutcome> {
  const { store, flowId, queryClient } = args;
  const state = store.getState();
  if (state.save.saving) return 'busy';
  if (state.save.conflict) return 'conflict';
  const sent = state.flow;
  if (sent === state.save.savedFlow) return 'unchanged';
  if (!FlowSchema.safeParse(sent).success) return 'invalid';
  state.saveStarted();
  try {
    const result = await saveDraft({ id: flowId, draft: sent, revision: state.save.revision });
    if (!result.ok) {
      store.getState().conflictDetected(result.conflict);
      return 'conflict';
    }
    store.getState().saveSucceeded({ sent, record: result.flow });
    void queryClient.invalidateQueries({ queryKey: queryKeys.flows, exact: true });
    return 'saved';
  } catch (error) {
    const message = describeSaveError(error);
    store.getState().saveFailed({ message, flow: sent });
    notifications.show({ id: 'save-failed', color: 'red', title: 'The draft was not saved', message });
    return 'failed';
  }
}

function describeSaveError(error: unknown): string {
  if (isApiError(error, 'flow/invalid')) {
    const details = IssuesDetailsSchema.safeParse(error.details);
    const count = details.success ? details.data.issues.length : 0;
    return `The server refused the draft (${count || 'some'} problems). Fix the issues listed below; saving resumes by itself.`;
  }
  if (isApiError(error) && error.status === 401) return 'Your session ended. Sign in again in another tab, then keep editing.';
  return error instanceof Error ? `${error.message} Your changes are kept here; saving retries on your next edit.` : String(error);
}
