// Runs in: renderer. Hands the app's stores to every component without globals.
import { createContext, useContext } from 'react';
import type { AppStores } from './app-stores';

export const StoresContext = createContext<AppStores | null>(null);

export function useStores(): AppStores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('useStores() needs a <StoresContext.Provider> above it.');
  return stores;
}
