import { parseFlow, type Flow } from '@switchboard/engine/schema';

export type ReadFlowFileResult = { ok: true; flow: Flow } | { ok: false; problems: string[] };

const MAX_PROBLEMS = 20;

/**
 * Reads the text of a `.flow.json` file: JSON first, then the flow schema (older versions are
 * migrated). Problems come back as sentences an analyst can act on.
 */
export function readFlowFile(text: string): ReadFlowFileResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [`The file is not valid JSON (${detail}). Export the flow again or fix the file in an editor.`] };
  }
  const parsed = parseFlow(doc);
  if (parsed.ok) return parsed;
  const problems = parsed.issues.map((issue) => issue.message);
  if (problems.length > MAX_PROBLEMS) {
    return { ok: false, problems: [...problems.slice(0, MAX_PROBLEMS), `…and ${problems.length - MAX_PROBLEMS} more.`] };
  }
  return { ok: false, problems };
}
