import type { FlowNode, LocalizedText, Rule } from '@switchboard/engine/schema';

const MAX_LINES = 3;

/** The text in `locale`, else the first non-empty translation. */
export const textIn = (text: LocalizedText | undefined, locale: string): string =>
  text?.[locale]?.trim() || Object.values(text ?? {}).find((t) => t.trim())?.trim() || '';

const VALIDATOR_NAMES = { text: 'any text', number: 'a number', email: 'an email', phone: 'a phone number', date: 'a date', regex: 'a pattern', choice: 'one of the choices' };

const OPS: Record<Extract<Rule, { kind: 'variable' }>['op'], string> = {
  eq: '=', neq: '≠', gt: '>', gte: '≥', lt: '<', lte: '≤', contains: 'contains', exists: 'is set', notExists: 'is not set',
};

export function summarizeRule(rule: Rule, locale: string): string {
  switch (rule.kind) {
    case 'keyword': {
      const words = rule.keywords[locale] ?? Object.values(rule.keywords).flat();
      return words.length ? `says ${words.slice(0, 3).map((w) => `“${w}”`).join(', ')}` : 'keyword (none yet)';
    }
    case 'intent':
      return `intent ${rule.intent}`;
    case 'regex':
      return `matches /${rule.pattern}/${rule.flags ?? ''}`;
    case 'variable':
      return `${rule.variable} ${OPS[rule.op]}${rule.value === undefined ? '' : ` ${String(rule.value)}`}`;
  }
}

/**
 * The body of a node card: a few short lines previewing what the node does, in `locale`.
 *
 * @example summarizeNode(askNode, 'en') // → ['What is your order number?', 'expects a pattern → orderId']
 */
export function summarizeNode(node: FlowNode, locale: string): string[] {
  const lines = ((): string[] => {
    switch (node.type) {
      case 'start':
        return ['Conversation enters here'];
      case 'message': {
        const text = textIn(node.data.text, locale);
        const extra = node.data.media ? [`📎 ${node.data.media.kind}`] : [];
        const list = node.data.list ? [`☰ ${textIn(node.data.list.button, locale) || 'list'} · ${node.data.list.rows.length} rows`] : [];
        return [text || 'No text yet', ...extra, ...list];
      }
      case 'ask':
        return [textIn(node.data.prompt, locale) || 'No question yet', `expects ${VALIDATOR_NAMES[node.data.validator.type]} → ${node.data.variable}`];
      case 'route':
        return node.data.rules.length ? node.data.rules.map((r) => summarizeRule(r, locale)) : ['No rules yet: everything goes to fallback'];
      case 'action':
        return [`${node.data.action}(${Object.keys(node.data.input).join(', ')})`, ...(node.data.resultVariable ? [`→ ${node.data.resultVariable}`] : [])];
      case 'set':
        return node.data.assignments.length ? node.data.assignments.map((a) => `${a.variable} = ${a.value}`) : ['Nothing set yet'];
      case 'tag':
        return [
          ...(node.data.add.length ? [`+ ${node.data.add.join(', ')}`] : []),
          ...(node.data.remove.length ? [`− ${node.data.remove.join(', ')}`] : []),
        ].concat(node.data.add.length + node.data.remove.length === 0 ? ['No labels yet'] : []);
      case 'handoff':
        return [`Queue: ${node.data.queue}`, ...(textIn(node.data.message, locale) ? [textIn(node.data.message, locale)] : [])];
      case 'jump':
        return [node.data.flowId || node.data.nodeId ? `→ ${[node.data.flowId, node.data.nodeId].filter(Boolean).join(' · ')}` : 'No target yet'];
      case 'wait':
        return [`Waits ${formatMinutes(node.data.minutes)} for a reply`];
      case 'template':
        return [`${node.data.name} (${node.data.language})`, ...(node.data.parameters.length ? [node.data.parameters.join(', ')] : [])];
      case 'end':
        return [textIn(node.data.message, locale) || 'Conversation ends'];
    }
  })();
  return lines.slice(0, MAX_LINES);
}

export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 24 * 60) return `${+(minutes / 60).toFixed(1)} h`;
  return `${+(minutes / (24 * 60)).toFixed(1)} d`;
}
