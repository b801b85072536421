// Runs in: renderer. The one way stores are made: a zustand store whose actions may read and write it.
import { create, type StoreApi, type UseBoundStore } from 'zustand';

export type Store<T> = UseBoundStore<StoreApi<T>>;

export function createStore<T>(init: (set: StoreApi<T>['setState'], get: StoreApi<T>['getState']) => T): Store<T> {
  return create<T>()((set, get) => init(set, get));
}
