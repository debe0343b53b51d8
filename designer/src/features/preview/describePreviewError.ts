import { isApiError } from '../../api/http';
import { IssuesDetailsSchema } from '../../api/schemas';

const SHOWN = 3;

/**
 * What to tell the analyst when the preview refuses to run: the server's message plus the first
 * blocking issues, naming the flow when it is another one (the preview runs the whole bot).
 */
export function describePreviewError(error: unknown, flowId: string): string {
  if (!isApiError(error)) return error instanceof Error ? error.message : String(error);
  const details = IssuesDetailsSchema.safeParse(error.details);
  if (!details.success) return error.message;
  const blocking = details.data.issues.filter((i) => i.severity === 'error');
  if (blocking.length === 0) return error.message;
  const lines = blocking.slice(0, SHOWN).map((i) => (i.flowId && i.flowId !== flowId ? `In the flow “${i.flowId}”: ${i.message}` : i.message));
  const more = blocking.length > SHOWN ? [`…and ${blocking.length - SHOWN} more.`] : [];
  return [error.message, ...lines, ...more].join('\n');
}
