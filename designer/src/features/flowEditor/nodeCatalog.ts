import type { NodeType } from '@switchboard/engine/schema';
import {
  IconArrowBearRight,
  IconBolt,
  IconClockPause,
  IconCornerDownRightDouble,
  IconFlag,
  IconHeadset,
  IconMessage,
  IconPlayerPlay,
  IconQuestionMark,
  IconTag,
  IconTemplate,
  IconVariable,
  type Icon,
} from '@tabler/icons-react';

export type NodeGroup = 'Messages' | 'Questions' | 'Logic' | 'Actions' | 'People' | 'Flow';

export interface NodeKind {
  type: NodeType;
  title: string;
  group: NodeGroup;
  icon: Icon;
  /** One line for the palette tooltip. */
  hint: string;
}

/** Colour per group (Mantine palette names): the same on the palette, the cards and the inspector. */
export const GROUP_COLORS: Record<NodeGroup, string> = {
  Messages: 'blue',
  Questions: 'violet',
  Logic: 'orange',
  Actions: 'cyan',
  People: 'pink',
  Flow: 'gray',
};

export const NODE_KINDS: Record<NodeType, NodeKind> = {
  message: { type: 'message', title: 'Message', group: 'Messages', icon: IconMessage, hint: 'Send text, reply buttons, a list or media' },
  template: { type: 'template', title: 'Template', group: 'Messages', icon: IconTemplate, hint: 'Send an approved WhatsApp template' },
  ask: { type: 'ask', title: 'Question', group: 'Questions', icon: IconQuestionMark, hint: 'Ask, check the answer, store it' },
  route: { type: 'route', title: 'Route', group: 'Logic', icon: IconArrowBearRight, hint: 'Branch on keywords, intents, patterns or variables' },
  set: { type: 'set', title: 'Set', group: 'Logic', icon: IconVariable, hint: 'Set variables' },
  jump: { type: 'jump', title: 'Jump', group: 'Logic', icon: IconCornerDownRightDouble, hint: 'Continue in another flow or node' },
  wait: { type: 'wait', title: 'Wait', group: 'Logic', icon: IconClockPause, hint: 'Wait for a reply, or time out' },
  action: { type: 'action', title: 'Action', group: 'Actions', icon: IconBolt, hint: 'Call a backend lookup' },
  tag: { type: 'tag', title: 'Tag', group: 'Actions', icon: IconTag, hint: 'Add or remove conversation labels' },
  handoff: { type: 'handoff', title: 'Handoff', group: 'People', icon: IconHeadset, hint: 'Pass the conversation to a person' },
  start: { type: 'start', title: 'Start', group: 'Flow', icon: IconPlayerPlay, hint: 'Where the flow begins (one per flow)' },
  end: { type: 'end', title: 'End', group: 'Flow', icon: IconFlag, hint: 'Finish the conversation' },
};

export const PALETTE_GROUPS: readonly { group: NodeGroup; types: readonly NodeType[] }[] = [
  { group: 'Messages', types: ['message', 'template'] },
  { group: 'Questions', types: ['ask'] },
  { group: 'Logic', types: ['route', 'set', 'jump', 'wait'] },
  { group: 'Actions', types: ['action', 'tag'] },
  { group: 'People', types: ['handoff'] },
  { group: 'Flow', types: ['start', 'end'] },
];

export const nodeColor = (type: NodeType): string => GROUP_COLORS[NODE_KINDS[type].group];
