// Runs in: vitest (node). Whichever way the services process was started, its supervisor hears of
// the exit once, nothing is posted to or killed in a process already gone, and a message listener
// can be removed again.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { adaptServicesChild } from './services-child-adapter';

function started() {
  const emitter = new EventEmitter();
  const posted: unknown[] = [];
  let kills = 0;
  let announce: (description: string) => void = () => undefined;
  const child = adaptServicesChild(
    {
      post: (message) => void posted.push(message),
      on: (event, listener) => emitter.on(event, listener),
      off: (event, listener) => emitter.off(event, listener),
      pid: 4242,
      kill: () => void kills++,
    },
    (announceExit) => (announce = announceExit),
  );
  return { child, emitter, posted, kills: () => kills, exit: (description: string) => announce(description) };
}

describe('services child adapter', () => {
  it('posts and kills while the process runs, and neither once it is gone', () => {
    const s = started();
    s.child.endpoint.send({ kind: 'services-start' });
    s.child.kill();
    s.exit('exited with code 1');
    s.child.endpoint.send({ kind: 'services-close' });
    s.child.kill();
    expect(s.posted).toEqual([{ kind: 'services-start' }]);
    expect(s.kills()).toBe(1);
    expect(s.child.pid).toBe(4242);
  });

  it('says once how the process ended, however often the exit is reported', () => {
    const s = started();
    const heard: string[] = [];
    s.child.onExit((description) => heard.push(description));
    s.exit('was killed by SIGKILL');
    s.exit('exited with code 0');
    expect(heard).toEqual(['was killed by SIGKILL']);
  });

  it('passes messages to a listener until it stops listening', () => {
    const s = started();
    const heard: unknown[] = [];
    const stop = s.child.endpoint.onMessage((message) => heard.push(message));
    s.emitter.emit('message', 'one');
    stop();
    s.emitter.emit('message', 'two');
    expect(heard).toEqual(['one']);
  });
});
