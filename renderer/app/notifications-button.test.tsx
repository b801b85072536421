// @vitest-environment happy-dom
// Runs in: tests (happy-dom). Toasts are announced (status for news, alert for errors), and the
// Notifications button counts and lists the session's notices, in both languages, by keyboard.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useI18nStore } from '../i18n/i18n-store';
import { catalogues } from '../i18n/messages/catalogues';
import { createAppStores } from '../stores/app-stores';
import { createFakeApi } from '../../tests/support/fake-api';
import { NotificationsButton } from './notifications-button';
import { StoresContext } from '../stores/stores-context';
import { Toasts } from './toasts';

afterEach(cleanup);

describe('toasts and the Notifications list', () => {
  it.each(['en', 'zh-CN'] as const)('announces each notice and lists them again on request (%s)', (locale) => {
    const text = catalogues[locale];
    useI18nStore.getState().setLocale(locale);
    const stores = createAppStores(createFakeApi({}));
    render(
      <StoresContext.Provider value={stores}>
        <NotificationsButton />
        <Toasts />
      </StoresContext.Provider>,
    );
    act(() => {
      stores.ui.getState().showInfo('Duplicated.');
      stores.ui.getState().showError('The photo could not be read.');
    });
    const region = screen.getByRole('region', { name: text['notices.region'] });
    expect(within(region).getByRole('status').textContent).toContain('Duplicated.');
    expect(within(region).getByRole('alert').textContent).toContain('The photo could not be read.');

    const button = screen.getByRole('button', { name: text['notices.buttonUnread'].replace('{n}', '2') });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(button);
    const list = screen.getByRole('region', { name: text['notices.listLabel'] });
    expect(document.activeElement).toBe(list);
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      expect.stringContaining('The photo could not be read.'),
      expect.stringContaining('Duplicated.'),
    ]);
    expect(list.querySelectorAll('time')).toHaveLength(2);
    // Opened: nothing is new any more; Escape closes and gives focus back to the button.
    const plain = screen.getByRole('button', { name: text['notices.button'] });
    expect(plain.getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(list, { key: 'Escape' });
    expect(screen.queryByRole('region', { name: text['notices.listLabel'] })).toBeNull();
    expect(document.activeElement).toBe(plain);
  });
});
