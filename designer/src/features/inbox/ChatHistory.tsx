import { ScrollArea, Stack } from '@mantine/core';
import { Fragment, useEffect, useRef } from 'react';
import { formatDay, groupHistory } from './groupHistory';
import type { HistoryItem } from './inboxApi';
import { MessageBubble } from './MessageBubble';
import classes from './Inbox.module.css';

/** The conversation's messages and notes by day, kept scrolled to the newest. */
export function ChatHistory({ history, nameOf, now }: { history: HistoryItem[]; nameOf: (id: string | null) => string; now: number }) {
  const viewport = useRef<HTMLDivElement>(null);
  const last = history.at(-1)?.id;
  useEffect(() => {
    viewport.current?.scrollTo({ top: viewport.current.scrollHeight });
  }, [last]);
  return (
    <ScrollArea style={{ flex: 1 }} viewportRef={viewport}>
      <Stack gap={6} px="xl" py="md">
        {groupHistory(history).map((group) => (
          <Fragment key={group.day}>
            <div className={classes.daySeparator}>{formatDay(group.day, now)}</div>
            {group.items.map(({ item, showSender }) => (
              <MessageBubble key={item.id} item={item} showSender={showSender} nameOf={nameOf} />
            ))}
          </Fragment>
        ))}
      </Stack>
    </ScrollArea>
  );
}
