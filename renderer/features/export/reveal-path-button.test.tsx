// @vitest-environment happy-dom
// Runs in: tests (happy-dom). The path in "Exported to…" is a button that shows the file in its folder;
// in a browser, which cannot, it says where the file is.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoresContext } from '../../stores/stores-context';
import { useI18nStore } from '../../i18n/i18n-store';
import { createAppStores } from '../../stores/app-stores';
import { createFakeApi } from '../../../tests/support/fake-api';
import { RevealPathButton } from './reveal-path-button';

afterEach(cleanup);
beforeEach(() => useI18nStore.getState().setLocale('en'));

const PATH = '/home/li/Documents/Dateline Exports/harbour-fire/index.html';

async function click(revealed: boolean) {
  const api = createFakeApi({ 'app.reveal': ({ path }) => ({ path, revealed }) });
  const stores = createAppStores(api);
  render(
    <StoresContext.Provider value={stores}>
      <RevealPathButton path={PATH} />
    </StoresContext.Provider>,
  );
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: `Show ${PATH} in its folder` }));
  });
  return { api, notices: stores.ui.getState().notices };
}

describe('RevealPathButton', () => {
  it('asks the app to reveal the file; the desktop shows it and nothing more is said', async () => {
    const { api, notices } = await click(true);
    expect(api.callsTo('app.reveal')).toEqual([{ path: PATH }]);
    expect(notices).toEqual([]);
  });

  it('in a browser, which cannot open a file manager, it says where the file is', async () => {
    const { notices } = await click(false);
    expect(notices.map((n) => n.message)).toEqual([`A browser cannot open your file manager. The file is at ${PATH}`]);
  });
});
