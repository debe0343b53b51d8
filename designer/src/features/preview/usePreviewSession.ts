import type { OutboundMessage } from '@switchboard/engine/schema';
import { useCallback, useEffect, useRef, useState } from 'react';
import { endPreview, sendPreviewMessage, startPreview, type PreviewInput } from '../../api/preview';
import type { PreviewTurn } from '../../api/schemas';
import type { EditorStore } from '../flowEditor/store/createEditorStore';
import { describePreviewError } from './describePreviewError';

type NewEntry = { from: 'bot'; message: OutboundMessage } | { from: 'customer'; text: string } | { from: 'system'; text: string };
export type ChatEntry = NewEntry & { id: number };

export interface PreviewSession {
  entries: ChatEntry[];
  pending: boolean;
  error: string | null;
  ended: boolean;
  restart: () => void;
  send: (input: PreviewInput) => void;
}

/** One preview conversation over the current draft; its live node is mirrored onto the canvas. */
export function usePreviewSession(args: { store: EditorStore; flowId: string; locale: string; active: boolean }): PreviewSession {
  const { store, flowId, locale, active } = args;
  const [entries, setEntries] = useState<ChatEntry[]>([]);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [ended, setEnded] = useState(false);
  const session = useRef<string | null>(null);
  const counter = useRef(0);
  const generation = useRef(0);

  const append = useCallback((more: NewEntry[]) => {
    const numbered = more.map((e): ChatEntry => ({ ...e, id: (counter.current += 1) }));
    setEntries((old) => [...old, ...numbered]);
  }, []);

  const absorb = useCallback(
    (turn: PreviewTurn) => {
      append(turn.replies.map((message) => ({ from: 'bot' as const, message })));
      if (turn.handoff) append([{ from: 'system', text: 'Handed off to a person. In a live chat an operator takes over here.' }]);
      if (turn.ended) append([{ from: 'system', text: 'The conversation ended.' }]);
      setEnded(turn.ended);
      store.getState().setActiveNode(turn.activeNode && turn.activeNode.flowId === flowId ? turn.activeNode.nodeId : null);
    },
    [append, store, flowId],
  );

  const close = useCallback(() => {
    if (session.current) void endPreview(session.current).catch(() => undefined);
    session.current = null;
    store.getState().setActiveNode(null);
  }, [store]);

  const restart = useCallback(() => {
    close();
    const mine = (generation.current += 1);
    setEntries([]);
    setEnded(false);
    setError(null);
    setPending(true);
    startPreview({ flowId, draft: store.getState().flow, locale })
      .then((started) => {
        if (mine !== generation.current) return void endPreview(started.sessionId).catch(() => undefined);
        session.current = started.sessionId;
        absorb(started);
      })
      .catch((e: unknown) => mine === generation.current && setError(describePreviewError(e, flowId)))
      .finally(() => mine === generation.current && setPending(false));
  }, [close, flowId, store, locale, absorb]);

  const send = useCallback(
    (input: PreviewInput) => {
      const id = session.current;
      if (!id || pending) return;
      const mine = generation.current;
      append([{ from: 'customer', text: 'text' in input ? input.text : input.choice.title }]);
      setPending(true);
      setError(null);
      sendPreviewMessage({ sessionId: id, input })
        .then((turn) => mine === generation.current && absorb(turn))
        .catch((e: unknown) => mine === generation.current && setError(describePreviewError(e, flowId)))
        .finally(() => mine === generation.current && setPending(false));
    },
    [append, absorb, pending, flowId],
  );

  useEffect(() => {
    if (!active) return;
    restart();
    return () => {
      generation.current += 1;
      close();
    };
  }, [active, restart, close]);

  return { entries, pending, error, ended, restart, send };
}
