// Runs in: vitest (Node). The renderer's one subscription: typed handlers per event name, live while
// the stream is open, one resync after a reconnect (however many errors came before it) or a
// services restart, and none on the first connection.
import { describe, expect, it } from 'vitest';
import { createEventSubscription } from './event-subscription';
import { testEventConnection } from '../../tests/support/test-event-connection';

describe('event subscription', () => {
  it('hands each event to the handlers for its name until they unsubscribe', () => {
    const connection = testEventConnection();
    const events = createEventSubscription(connection);
    const waiting: number[] = [];
    const articles: string[] = [];
    const stop = events.on('review.queueChanged', ({ waiting: n }) => waiting.push(n));
    events.on('review.articleChanged', ({ articleId }) => articles.push(articleId));
    connection.open();
    connection.deliver({ name: 'review.queueChanged', payload: { waiting: 2 } });
    connection.deliver({ name: 'review.articleChanged', payload: { articleId: '0123456789ab' } });
    stop();
    connection.deliver({ name: 'review.queueChanged', payload: { waiting: 3 } });
    expect(waiting).toEqual([2]);
    expect(articles).toEqual(['0123456789ab']);
  });

  it('is live only while the stream is open, and says so on each change', () => {
    const connection = testEventConnection();
    const events = createEventSubscription(connection);
    const changes: boolean[] = [];
    events.onLiveChange((live) => changes.push(live));
    expect(events.live).toBe(false);
    connection.open();
    expect(events.live).toBe(true);
    connection.down();
    connection.down();
    expect(events.live).toBe(false);
    connection.open();
    expect(changes).toEqual([true, false, true]);
  });

  it('resynchronises once after a reconnect, not on the first connection', () => {
    const connection = testEventConnection();
    const events = createEventSubscription(connection);
    let resyncs = 0;
    events.onResync(() => (resyncs += 1));
    connection.open();
    expect(resyncs).toBe(0);
    // EventSource reports every failed retry; the screen is read again once, when it is back.
    connection.down();
    connection.down();
    connection.down();
    expect(resyncs).toBe(0);
    connection.open();
    expect(resyncs).toBe(1);
    connection.deliver({ name: 'settings.changed', payload: {} });
    expect(resyncs).toBe(1);
  });

  it('resynchronises once when the services restarted, without any handler hearing app.resync as an event', () => {
    const connection = testEventConnection();
    const events = createEventSubscription(connection);
    let resyncs = 0;
    events.onResync(() => (resyncs += 1));
    connection.open();
    connection.deliver({ name: 'app.resync', payload: {} });
    expect(resyncs).toBe(1);
    expect(events.live).toBe(true);
  });

  it('without a connection it is never live, so the screens keep polling', () => {
    const events = createEventSubscription(null);
    expect(events.live).toBe(false);
  });
});
