// @vitest-environment happy-dom
// Runs in: tests (happy-dom). A reporter removes a byline by mistake and brings it back.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Byline } from '../../../common/article';
import { useI18nStore } from '../../i18n/i18n-store';
import { BylinesEditor } from './bylines-editor';

function Harness({ initial }: { initial: Byline[] }) {
  const [bylines, setBylines] = useState(initial);
  return (
    <>
      <BylinesEditor bylines={bylines} onChange={setBylines} />
      <output data-testid="bylines">{bylines.map((b) => `${b.name}/${b.role}`).join('|')}</output>
    </>
  );
}

const bylinesNow = (): string => screen.getByTestId('bylines').textContent ?? '';

afterEach(cleanup);

describe('bylines editor', () => {
  it('a removed byline comes back where it was with its Undo button, which takes the keyboard', () => {
    useI18nStore.getState().setLocale('en');
    render(<Harness initial={[{ name: 'Li Wei', role: 'Staff reporter' }, { name: 'Ann Ho', role: 'Photos' }]} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove byline 1' }));
    expect(bylinesNow()).toBe('Ann Ho/Photos');
    expect(screen.getByText('Removed the byline “Li Wei”.')).toBeTruthy();
    const undo = screen.getByRole('button', { name: 'Bring back the byline “Li Wei”' });
    expect(document.activeElement).toBe(undo);
    fireEvent.click(undo);
    expect(bylinesNow()).toBe('Li Wei/Staff reporter|Ann Ho/Photos');
    expect(document.activeElement).toBe(screen.getByLabelText('Byline 1 name'));
    expect(screen.queryByRole('button', { name: 'Bring back the byline “Li Wei”' })).toBeNull();
  });

  it('typing in a byline after a removal lets the undo go, and an empty row needs none', () => {
    useI18nStore.getState().setLocale('en');
    render(<Harness initial={[{ name: 'Li Wei', role: '' }, { name: '', role: '' }]} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove byline 2' }));
    expect(screen.queryByRole('button', { name: /Bring back/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Remove byline 1' }));
    expect(screen.getByRole('button', { name: 'Bring back the byline “Li Wei”' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Byline 1 name'), { target: { value: 'Ann' } });
    expect(screen.queryByRole('button', { name: /Bring back/ })).toBeNull();
  });

  it('speaks Chinese in the Chinese interface', () => {
    useI18nStore.getState().setLocale('zh-CN');
    try {
      render(<Harness initial={[{ name: '李娜', role: '本报记者' }]} />);
      fireEvent.click(screen.getByRole('button', { name: '删除第 1 个署名' }));
      expect(screen.getByText('已删除署名“李娜”。')).toBeTruthy();
      fireEvent.click(screen.getByRole('button', { name: '恢复署名“李娜”' }));
      expect(bylinesNow()).toBe('李娜/本报记者');
    } finally {
      useI18nStore.getState().setLocale('en');
    }
  });
});
