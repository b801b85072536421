// Runs in: renderer, above the body of a story shared through a newsroom server: who else is in the
// story now (from the session's presence, with their caret colour) and whether this copy is in step
// with the server or kept here until it is back. Re-renders only when someone comes or goes.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useT } from '../../i18n/use-t';
import type { StoryConnectionState } from '../../editor/collab/story-session';

/** The parts of y-protocols' Awareness this reads. */
export interface PresenceAwareness {
  readonly clientID: number;
  getStates(): Map<number, Record<string, unknown>>;
  on(event: 'change', listener: () => void): void;
  off(event: 'change', listener: () => void): void;
}

export interface StoryPresenceProps {
  awareness: PresenceAwareness;
  connection(): StoryConnectionState;
  onConnection(listener: (state: StoryConnectionState) => void): () => void;
  readOnly(): boolean;
  onReadOnly(listener: (readOnly: boolean) => void): () => void;
}

interface Person {
  name: string;
  color: string;
}

/** The others in the story, one entry per name (one person may have it open twice), sorted. */
function othersOf(awareness: PresenceAwareness): Person[] {
  const byName = new Map<string, Person>();
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID) continue;
    const user = state.user as { name?: unknown; color?: unknown } | undefined;
    if (typeof user?.name !== 'string' || user.name.trim() === '') continue;
    const name = user.name.slice(0, 100);
    byName.set(name, { name, color: typeof user.color === 'string' && /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : '#4a4a9c' });
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function StoryPresence({ awareness, connection, onConnection, readOnly, onReadOnly }: StoryPresenceProps) {
  const t = useT();
  const [others, setOthers] = useState<Person[]>(() => othersOf(awareness));
  useEffect(() => {
    const update = () =>
      setOthers((before) => {
        const next = othersOf(awareness);
        const same = next.length === before.length && next.every((p, i) => p.name === before[i]?.name && p.color === before[i]?.color);
        return same ? before : next;
      });
    update();
    awareness.on('change', update);
    return () => awareness.off('change', update);
  }, [awareness]);
  const state = useSyncExternalStore(onConnection, connection);
  const locked = useSyncExternalStore(onReadOnly, readOnly);
  return (
    <div className="story-presence">
      <p className="story-presence__connection" role="status" data-connection={state}>
        {t(`collab.connection.${state}`)}
        {locked ? ` ${t('collab.readOnly')}` : ''}
      </p>
      <section className="story-presence__people" aria-label={t('collab.presence.label')}>
        {others.length === 0 ? (
          <p className="story-presence__alone">{t('collab.presence.alone')}</p>
        ) : (
          <ul>
            {others.map((person) => (
              <li key={person.name}>
                <span className="story-presence__swatch" style={{ backgroundColor: person.color }} aria-hidden="true" />
                {person.name}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
