import { Anchor, Text, UnstyledButton } from '@mantine/core';
import type { OutboundMessage } from '@switchboard/engine/schema';
import { IconExternalLink, IconList } from '@tabler/icons-react';
import { useState } from 'react';
import classes from './BotBubble.module.css';
import { ListSheet } from './ListSheet';
import { linkify } from './linkify';

/** Message text with links as links; never rendered as HTML. */
export function MessageText({ text }: { text: string }) {
  return (
    <>
      {linkify(text).map((segment, i) =>
        segment.kind === 'link' ? (
          <Anchor key={i} href={segment.href} target="_blank" rel="noopener noreferrer" c="#027eb5">
            {segment.text}
          </Anchor>
        ) : (
          <span key={i}>{segment.text}</span>
        ),
      )}
    </>
  );
}

interface BotBubbleProps {
  message: OutboundMessage;
  /** Only the latest message's buttons and list answer clicks. */
  interactive: boolean;
  onChoose: (choice: { id: string; title: string }) => void;
}

export function BotBubble({ message, interactive, onChoose }: BotBubbleProps) {
  const [sheetOpen, setSheetOpen] = useState(false);
  switch (message.kind) {
    case 'text':
      return (
        <div className={classes.bubble} data-from="bot">
          <MessageText text={message.text} />
        </div>
      );
    case 'buttons':
      return (
        <div className={classes.group}>
          <div className={classes.bubble} data-from="bot">
            {message.media && <MediaLink kind={message.media.kind} url={message.media.url} />}
            <MessageText text={message.text} />
          </div>
          {message.buttons.map((button) => (
            <UnstyledButton key={button.id} className={classes.reply} disabled={!interactive} onClick={() => onChoose(button)}>
              {button.title}
            </UnstyledButton>
          ))}
        </div>
      );
    case 'list':
      return (
        <div className={classes.group}>
          <div className={classes.bubble} data-from="bot">
            <MessageText text={message.text} />
          </div>
          <UnstyledButton className={classes.reply} disabled={!interactive} onClick={() => setSheetOpen(true)}>
            <IconList size={15} style={{ verticalAlign: -2, marginRight: 6 }} />
            {message.button}
          </UnstyledButton>
          <ListSheet
            opened={sheetOpen}
            title={message.button}
            rows={message.rows}
            onClose={() => setSheetOpen(false)}
            onChoose={(row) => {
              setSheetOpen(false);
              onChoose(row);
            }}
          />
        </div>
      );
    case 'media':
      return (
        <div className={classes.bubble} data-from="bot">
          <MediaLink kind={message.mediaType} url={message.url} />
          {message.caption && <MessageText text={message.caption} />}
        </div>
      );
    case 'template':
      return (
        <div className={classes.bubble} data-from="bot">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            Template · {message.language}
          </Text>
          <Text size="sm" ff="monospace">
            {message.name}
          </Text>
          {message.parameters.length > 0 && (
            <Text size="xs" c="dimmed">
              {message.parameters.map((p, i) => `{{${i + 1}}} = ${p}`).join(' · ')}
            </Text>
          )}
        </div>
      );
  }
}

function MediaLink({ kind, url }: { kind: string; url: string }) {
  const safe = /^https?:\/\//i.test(url);
  if (kind === 'image' && safe) return <img src={url} alt="" className={classes.image} />;
  return (
    <Text size="sm" mb={4}>
      <IconExternalLink size={14} style={{ verticalAlign: -2 }} /> {kind}:{' '}
      {safe ? (
        <Anchor href={url} target="_blank" rel="noopener noreferrer">
          {url}
        </Anchor>
      ) : (
        url
      )}
    </Text>
  );
}
