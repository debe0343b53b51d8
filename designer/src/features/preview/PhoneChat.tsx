import { ActionIcon, Alert, Loader, ScrollArea, TextInput } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { BotBubble } from './BotBubble';
import classes from './PhoneChat.module.css';
import type { PreviewSession } from './usePreviewSession';

/** The chat as a customer sees it on WhatsApp: the bot on the left, the customer on the right. */
export function PhoneChat({ session }: { session: PreviewSession }) {
  const [text, setText] = useState('');
  const viewport = useRef<HTMLDivElement>(null);
  const lastBot = [...session.entries].reverse().find((e) => e.from === 'bot')?.id;

  useEffect(() => {
    viewport.current?.scrollTo({ top: viewport.current.scrollHeight, behavior: 'smooth' });
  }, [session.entries.length, session.pending]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const message = text.trim();
    if (!message) return;
    session.send({ text: message });
    setText('');
  };

  return (
    <div className={classes.phone}>
      <ScrollArea className={classes.chat} viewportRef={viewport} type="auto">
        <div className={classes.stream}>
          {session.entries.map((entry) => {
            if (entry.from === 'customer') {
              return (
                <div key={entry.id} className={classes.customer} data-from="customer">
                  {entry.text}
                </div>
              );
            }
            if (entry.from === 'system') {
              return (
                <div key={entry.id} className={classes.system} data-from="system">
                  {entry.text}
                </div>
              );
            }
            return (
              <BotBubble
                key={entry.id}
                message={entry.message}
                interactive={entry.id === lastBot && !session.ended && !session.pending}
                onChoose={(choice) => session.send({ choice })}
              />
            );
          })}
          {session.pending && (
            <div className={classes.typing}>
              <Loader type="dots" size="xs" color="gray" />
            </div>
          )}
          {session.error && (
            <Alert color="red" variant="light" p="xs" title="The preview stopped" style={{ whiteSpace: 'pre-line' }}>
              {session.error}
              {'\nFix that, then press restart.'}
            </Alert>
          )}
        </div>
      </ScrollArea>
      <form className={classes.composer} onSubmit={submit}>
        <TextInput
          style={{ flex: 1 }}
          radius="xl"
          placeholder={session.ended ? 'Conversation ended. Restart to try again.' : 'Type a message'}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          disabled={session.ended}
          aria-label="Message to the bot"
        />
        <ActionIcon type="submit" size={36} radius="xl" color="#00a884" variant="filled" aria-label="Send" disabled={!text.trim() || session.ended}>
          <IconSend size={18} />
        </ActionIcon>
      </form>
    </div>
  );
}
