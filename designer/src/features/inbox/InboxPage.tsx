import { Center, Stack, Text } from '@mantine/core';
import { IconMessageCircle } from '@tabler/icons-react';
import { useParams } from 'react-router';
import { useCurrentUser } from '../auth/useCurrentUser';
import { ChatPanel } from './ChatPanel';
import { ContactPanel } from './ContactPanel';
import { ConversationList } from './ConversationList';
import classes from './Inbox.module.css';

/** The operators' inbox: conversation list, the chat, and the contact panel. */
export default function InboxPage() {
  const { conversationId } = useParams();
  const me = useCurrentUser().data;
  if (me && me.role === 'analyst') {
    return (
      <Center h="100%">
        <Stack align="center" gap={4} maw={420}>
          <Text fw={600}>The inbox is for operators</Text>
          <Text size="sm" c="dimmed" ta="center">Ask an admin for the operator role to answer customers here.</Text>
        </Stack>
      </Center>
    );
  }
  return (
    <div className={classes.columns}>
      <ConversationList />
      {conversationId ? (
        <>
          <ChatPanel key={conversationId} conversationId={conversationId} />
          <ContactPanel key={`contact-${conversationId}`} conversationId={conversationId} />
        </>
      ) : (
        <Center className={classes.chat} style={{ gridColumn: 'span 2' }}>
          <Stack align="center" gap={6}>
            <IconMessageCircle size={36} stroke={1.3} color="var(--mantine-color-gray-5)" />
            <Text fw={600}>Pick a conversation</Text>
            <Text size="sm" c="dimmed">Customers waiting for a person are in the Queue, oldest first.</Text>
          </Stack>
        </Center>
      )}
    </div>
  );
}
