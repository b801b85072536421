// Runs in: renderer. A screen loaded from a chunk of its own that renders at once when its chunk
// has already been loaded (preloaded in idle time), and through React.lazy only when it has not.
// React.lazy alone suspends on every first render, even with the chunk loaded: its fallback shows
// and React holds the revealed screen back by its fallback throttle (300 ms), which every first
// open of a story paid.
import { createElement, lazy, useState, type ComponentType } from 'react';

export interface LoadedOrLazy<P extends object> {
  /** Renders the loaded component, or suspends until it loads; fixed for the life of each instance. */
  Screen: ComponentType<P>;
  /** Loads the chunk (once); the next Screen mounted renders without suspending. */
  preload(): Promise<ComponentType<P>>;
}

export function loadedOrLazy<P extends object>(load: () => Promise<ComponentType<P>>): LoadedOrLazy<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const preload = (): Promise<ComponentType<P>> => {
    loading ??= load().then((component) => (loaded = component));
    return loading;
  };
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  function Screen(props: P) {
    // Chosen once: switching from the lazy wrapper to the component would remount the screen.
    const [type] = useState<ComponentType<P>>(() => loaded ?? (Lazy as unknown as ComponentType<P>));
    return createElement(type, props);
  }
  return { Screen, preload };
}
