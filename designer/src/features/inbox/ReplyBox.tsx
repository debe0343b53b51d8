import { ActionIcon, Group, Paper, SegmentedControl, Text, Textarea, Tooltip, UnstyledButton } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useState, type KeyboardEvent } from 'react';
import { applyQuickReply, isBareShortcut, matchQuickReplies, shortcutQuery } from './completeQuickReply';
import type { InboxActions } from './useInboxActions';
import { useConversationQuickReplies } from './useInboxQueries';
import classes from './Inbox.module.css';

/** The reply box: Enter sends, Shift+Enter breaks the line, `/shortcut` completes a quick reply; or an internal note. */
export function ReplyBox({ conversationId, actions }: { conversationId: string; actions: InboxActions }) {
  const [draft, setDraft] = useState('');
  const [mode, setMode] = useState<'reply' | 'note'>('reply');
  const [active, setActive] = useState(0);
  const quickReplies = useConversationQuickReplies(conversationId);
  const query = mode === 'reply' ? shortcutQuery(draft) : null;
  const matches = query === null ? [] : matchQuickReplies(quickReplies.data ?? [], query);
  const pending = actions.reply.isPending || actions.note.isPending;
  // A draft that is nothing but "/shortcut" with no quick reply behind it is a search, never a message.
  const bareShortcut = query !== null && matches.length === 0 && isBareShortcut(draft);

  const send = () => {
    const text = draft.trim();
    if (!text || pending || bareShortcut) return;
    const done = { onSuccess: () => setDraft('') };
    if (mode === 'note') actions.note.mutate(text, done);
    else actions.reply.mutate({ text }, done);
  };

  const pick = (index: number) => {
    const chosen = matches[index];
    if (chosen) setDraft(applyQuickReply(draft, chosen));
    setActive(0);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (matches.length > 0) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length);
        return;
      }
      if ((e.key === 'Enter' && !e.shiftKey) || e.key === 'Tab') {
        e.preventDefault();
        pick(active);
        return;
      }
    }
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      send();
    }
  };

  return (
    <div className={`${classes.composer} ${mode === 'note' ? classes.composerNote : ''}`} style={{ position: 'relative' }}>
      {bareShortcut && !quickReplies.isPending && (
        <Paper withBorder shadow="md" radius="md" px="sm" py={8} style={{ position: 'absolute', bottom: '100%', left: 14, right: 14, marginBottom: 6, zIndex: 5 }} role="status">
          <Text size="sm" c="dimmed">
            {(quickReplies.data ?? []).length === 0 ? 'No quick replies yet: add them in Settings → Quick replies.' : `No quick reply matches /${query}.`}
          </Text>
        </Paper>
      )}
      {matches.length > 0 && (
        <Paper withBorder shadow="md" radius="md" p={4} style={{ position: 'absolute', bottom: '100%', left: 14, right: 14, marginBottom: 6, zIndex: 5 }} role="listbox" aria-label="Quick replies">
          {matches.map((q, i) => (
            <UnstyledButton key={q.id} role="option" aria-selected={i === active} onMouseDown={(e) => e.preventDefault()} onClick={() => pick(i)} w="100%" px="sm" py={6} style={{ borderRadius: 6, background: i === active ? 'var(--mantine-color-brand-0)' : undefined }}>
              <Text size="sm" fw={600} span>
                /{q.shortcut}
              </Text>
              <Text size="xs" c="dimmed" lineClamp={1}>
                {q.expanded}
              </Text>
            </UnstyledButton>
          ))}
        </Paper>
      )}
      <Group justify="space-between" mb={6}>
        <SegmentedControl size="xs" value={mode} onChange={(v) => setMode(v === 'note' ? 'note' : 'reply')} data={[{ value: 'reply', label: 'Reply' }, { value: 'note', label: 'Internal note' }]} />
        <Text size="xs" c="dimmed">
          {mode === 'note' ? 'Only your team sees notes.' : 'Enter sends · Shift+Enter new line · / for quick replies'}
        </Text>
      </Group>
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <Textarea
          aria-label={mode === 'note' ? 'Internal note' : 'Reply'}
          placeholder={mode === 'note' ? 'Write a note for your team…' : 'Write a reply, or type / for a quick reply…'}
          autosize
          minRows={1}
          maxRows={6}
          style={{ flex: 1 }}
          value={draft}
          onChange={(e) => {
            setDraft(e.currentTarget.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <Tooltip label={mode === 'note' ? 'Add note' : 'Send'}>
          <ActionIcon size={36} radius="md" color={mode === 'note' ? 'yellow' : 'brand'} onClick={send} loading={pending} disabled={!draft.trim() || bareShortcut} aria-label={mode === 'note' ? 'Add note' : 'Send'}>
            <IconSend size={18} />
          </ActionIcon>
        </Tooltip>
      </Group>
    </div>
  );
}
