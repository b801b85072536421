// @vitest-environment happy-dom
// Runs in: tests (happy-dom, React). A screen whose chunk was preloaded renders in the first commit,
// without its Suspense fallback (React.lazy alone shows the fallback and holds the screen back);
// one not loaded yet suspends, then shows, and is not remounted when the chunk arrives.
import { act, render } from '@testing-library/react';
import { Suspense, useEffect } from 'react';
import { describe, expect, it } from 'vitest';
import { loadedOrLazy } from './loaded-or-lazy';

function Story({ title }: { title: string }) {
  return <h1>{title}</h1>;
}

describe('loadedOrLazy', () => {
  it('renders a preloaded screen in the first commit, with no fallback', async () => {
    const screen = loadedOrLazy(async () => Story);
    await screen.preload();
    const view = render(
      <Suspense fallback={<p>loading</p>}>
        <screen.Screen title="Council votes" />
      </Suspense>,
    );
    expect(view.container.textContent).toBe('Council votes');
  });

  it('suspends while the chunk loads, then shows the screen, mounted once', async () => {
    let arrive = (): void => undefined;
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    let mounts = 0;
    function Counted({ title }: { title: string }) {
      useEffect(() => {
        mounts++;
      }, []);
      return <h1>{title}</h1>;
    }
    const screen = loadedOrLazy(async () => {
      await arrived;
      return Counted;
    });
    const view = render(
      <Suspense fallback={<p>loading</p>}>
        <screen.Screen title="Council votes" />
      </Suspense>,
    );
    expect(view.container.textContent).toBe('loading');
    await act(async () => {
      arrive();
      await screen.preload();
    });
    expect(view.container.textContent).toBe('Council votes');
    view.rerender(
      <Suspense fallback={<p>loading</p>}>
        <screen.Screen title="Council votes, again" />
      </Suspense>,
    );
    expect(view.container.textContent).toBe('Council votes, again');
    expect(mounts).toBe(1);
  });
});
