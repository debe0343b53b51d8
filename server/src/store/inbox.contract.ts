import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreFactory } from './store.contract.js';
import type { Store } from './types.js';

const T0 = 1_700_000_000_000;

/** The operator-side operations every `Store` adapter must provide: conversations made for notifications, notes, consent, catalog, presence. */
export function describeInboxContract(name: string, factory: StoreFactory): void {
  describe(`Store inbox contract: ${name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    beforeEach(async () => {
      ({ store, dispose } = await factory());
    });
    afterEach(async () => {
      await dispose();
    });

    it('ensureConversation creates a bot conversation once and then finds the same one', async () => {
      const key = { channel: 'whatsapp' as const, businessNumberId: 'pn-1', customerId: '15550001', profileName: null };
      const [a, b] = await Promise.all([store.ensureConversation(key, T0), store.ensureConversation(key, T0 + 1)]);
      expect(a.id).toBe(b.id);
      expect(a).toMatchObject({ status: 'bot', version: 0, labels: [], lastInboundAt: null });
      const { inserted } = await store.insertInbound([{ ...key, profileName: 'Ann', wamid: 'wamid.c1', content: { kind: 'text', text: 'hi' }, at: T0 + 5 }], T0 + 5);
      expect(inserted[0]?.conversationId).toBe(a.id);
      expect(await store.getMessage(inserted[0]?.id ?? '')).toMatchObject({ direction: 'in', wamid: 'wamid.c1' });
      expect(await store.getMessage('missing')).toBeNull();
    });

    it('keeps notes per conversation in the order written', async () => {
      await store.addNote({ conversationId: 'c1', operatorId: 'u1', text: 'first', at: T0 });
      await store.addNote({ conversationId: 'c1', operatorId: 'u2', text: 'second', at: T0 + 1 });
      await store.addNote({ conversationId: 'c2', operatorId: 'u1', text: 'elsewhere', at: T0 });
      expect((await store.listNotes('c1')).map((n) => [n.text, n.operatorId])).toEqual([['first', 'u1'], ['second', 'u2']]);
    });

    it('records the latest consent per contact', async () => {
      expect(await store.getConsent('whatsapp', 'pn-1', '1555')).toBeNull();
      await store.setConsent({ channel: 'whatsapp', businessNumberId: 'pn-1', customerId: '1555', state: 'in', source: 'api', at: T0 });
      await store.setConsent({ channel: 'whatsapp', businessNumberId: 'pn-1', customerId: '1555', state: 'out', source: 'customer', at: T0 + 1 });
      expect(await store.getConsent('whatsapp', 'pn-1', '1555')).toEqual({ channel: 'whatsapp', businessNumberId: 'pn-1', customerId: '1555', state: 'out', source: 'customer', at: T0 + 1 });
      expect(await store.getConsent('whatsapp', 'pn-2', '1555')).toBeNull();
    });

    it('keeps catalog items unique by key within a kind, replaceable by id', async () => {
      expect(await store.putCatalogItem({ kind: 'quickReply', id: 'a', key: 'hi', doc: { text: 'Hi' }, updatedAt: T0 })).toEqual({ ok: true });
      expect(await store.putCatalogItem({ kind: 'quickReply', id: 'b', key: 'hi', doc: { text: 'Dup' }, updatedAt: T0 })).toEqual({ ok: false, reason: 'duplicate' });
      expect(await store.putCatalogItem({ kind: 'label', id: 'b', key: 'hi', doc: { name: 'Hi' }, updatedAt: T0 })).toEqual({ ok: true });
      expect(await store.putCatalogItem({ kind: 'quickReply', id: 'a', key: 'hello', doc: { text: 'Hello' }, updatedAt: T0 + 1 })).toEqual({ ok: true });
      expect(await store.findCatalogItem('quickReply', 'hi')).toBeNull();
      expect(await store.findCatalogItem('quickReply', 'hello')).toMatchObject({ id: 'a', doc: { text: 'Hello' }, updatedAt: T0 + 1 });
      expect((await store.listCatalog('quickReply')).map((i) => i.id)).toEqual(['a']);
      expect(await store.deleteCatalogItem('quickReply', 'a')).toBe(true);
      expect(await store.deleteCatalogItem('quickReply', 'a')).toBe(false);
      expect(await store.getCatalogItem('label', 'b')).toMatchObject({ key: 'hi' });
    });

    it('counts a user present until the latest time they were touched for', async () => {
      await store.touchPresence('u1', T0 + 60_000);
      await store.touchPresence('u2', T0 + 10_000);
      await store.touchPresence('u1', T0 + 30_000);
      expect(await store.presentUsers(T0)).toEqual(['u1', 'u2']);
      expect(await store.presentUsers(T0 + 20_000)).toEqual(['u1']);
      expect(await store.presentUsers(T0 + 60_000)).toEqual([]);
    });
  });
}
