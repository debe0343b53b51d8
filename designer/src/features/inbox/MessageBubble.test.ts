import { MantineProvider } from '@mantine/core';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { HistoryItem } from './inboxApi';
import { MessageBubble } from './MessageBubble';

const hostile = '<img src=x onerror=alert(1)>';

const render = (item: HistoryItem) =>
  renderToStaticMarkup(createElement(MantineProvider, null, createElement(MessageBubble, { item, showSender: true, nameOf: () => '<b>Eve</b>' })));

describe('MessageBubble', () => {
  it('renders a customer message that looks like HTML as text', () => {
    const html = render({ kind: 'message', id: 'm', direction: 'in', sender: 'customer', operatorId: null, text: hostile, at: 0, state: 'processed', statusAt: {}, error: null });
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
  });

  it('renders notes and operator names as text', () => {
    const html = render({ kind: 'note', id: 'n', operatorId: 'op', text: hostile, at: 0 });
    expect(html).toContain('&lt;b&gt;Eve&lt;/b&gt;');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>Eve');
  });
});
