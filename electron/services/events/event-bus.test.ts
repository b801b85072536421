// Runs in: vitest (Node). The services' event bus: every listener hears each event in order, a
// listener that throws is reported without stopping the others, and unsubscribing works.
import { describe, expect, it } from 'vitest';
import { parseDatelineEvent } from '../../../common/contract-events';
import { createEventBus } from './event-bus';

describe('event bus', () => {
  it('delivers each event to every listener until it unsubscribes', () => {
    const bus = createEventBus();
    const heard: unknown[] = [];
    const other: unknown[] = [];
    const stop = bus.subscribe((event) => heard.push(event));
    bus.subscribe((event) => other.push(event.name));
    bus.emit('library.changed', { kind: 'trashed', ids: ['0123456789ab'] });
    bus.emit('settings.changed', {});
    stop();
    bus.emit('review.queueChanged', { waiting: 2 });
    expect(heard).toEqual([
      { name: 'library.changed', payload: { kind: 'trashed', ids: ['0123456789ab'] } },
      { name: 'settings.changed', payload: {} },
    ]);
    expect(other).toEqual(['library.changed', 'settings.changed', 'review.queueChanged']);
  });

  it('a listener that throws is reported and the next listener still hears the event', () => {
    const errors: unknown[] = [];
    const bus = createEventBus((error) => errors.push(error));
    const heard: string[] = [];
    bus.subscribe(() => {
      throw new Error('broken listener');
    });
    bus.subscribe((event) => heard.push(event.name));
    expect(() => bus.emit('settings.changed', {})).not.toThrow();
    expect(heard).toEqual(['settings.changed']);
    expect(errors).toHaveLength(1);
  });

  it('what the bus emits passes the contract schemas; a malformed event does not', () => {
    const bus = createEventBus();
    const heard: unknown[] = [];
    bus.subscribe((event) => heard.push(event));
    bus.emit('review.articleChanged', { articleId: '0123456789ab' });
    expect(parseDatelineEvent(heard[0])).toEqual(heard[0]);
    expect(parseDatelineEvent({ name: 'review.articleChanged', payload: { articleId: '../../etc' } })).toBeNull();
    expect(parseDatelineEvent({ name: 'shell.exec', payload: {} })).toBeNull();
    expect(parseDatelineEvent({ name: 'review.queueChanged', payload: { waiting: -1 } })).toBeNull();
    expect(parseDatelineEvent({ name: 'job.changed', payload: { job: { id: 'x' } } })).toBeNull();
  });
});
