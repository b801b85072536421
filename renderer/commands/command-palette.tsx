// Runs in: renderer. The command palette (Ctrl/Cmd+Shift+P): a filter box over the commands that
// apply now, in the interface language. The WAI-ARIA combobox pattern: focus stays in the box,
// arrows move the active option, Enter runs it, Escape closes and focus goes back where it was.
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { MenuCommand } from '../../common/bridge';
import { translate } from '../i18n/i18n-store';
import { useT } from '../i18n/use-t';
import { commandShortcut } from '../kit/command-shortcut';
import { ModalDialog } from '../kit/modal-dialog';
import { useStores } from '../stores/stores-context';
import './command-palette.css';
import { isCommandAvailable } from './command-availability';
import { matchPalette, paletteEntries } from './palette-entries';

export interface CommandPaletteProps {
  onRun(command: MenuCommand): void;
}

/** A query is a few words: longer input is cut, not matched. */
const MAX_QUERY = 200;

export function CommandPalette({ onRun }: CommandPaletteProps) {
  const t = useT();
  const stores = useStores();
  const listId = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  // Read once on opening: what applies does not change while the palette is open.
  const entries = useMemo(
    () =>
      paletteEntries(
        { t, english: (key) => translate('en', key), shortcut: (id) => commandShortcut(id) },
        (spec) => isCommandAvailable(spec, stores),
      ),
    [t, stores],
  );
  const shown = useMemo(() => matchPalette(entries, query), [entries, query]);
  const current = Math.min(active, shown.length - 1);
  const optionId = (index: number) => `${listId}-option-${index}`;

  const close = () => stores.ui.getState().openDialog(null);
  const run = (command: MenuCommand) => {
    close();
    onRun(command);
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // While an input method composes, the keys choose its candidates.
    if (event.nativeEvent.isComposing || event.keyCode === 229) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (shown.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((Math.max(current, 0) + step + shown.length) % shown.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const entry = shown[current];
      if (entry) run(entry.id);
    }
  };

  return (
    <ModalDialog title={t('palette.title')} onClose={close} className="command-palette">
      <input
        type="text"
        role="combobox"
        className="command-palette__filter"
        aria-label={t('palette.filter')}
        placeholder={t('palette.filter')}
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={current >= 0 ? optionId(current) : undefined}
        autoComplete="off"
        spellCheck={false}
        maxLength={MAX_QUERY}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={handleKeyDown}
      />
      <ul id={listId} role="listbox" className="command-palette__list" aria-label={t('palette.commands')}>
        {shown.map((entry, index) => (
          <li
            key={entry.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === current}
            className="command-palette__option"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => run(entry.id)}
          >
            <span className="command-palette__label">
              {entry.category ? <span className="command-palette__category">{entry.category}: </span> : null}
              {entry.label}
            </span>
            {entry.shortcut ? <kbd className="command-palette__keys">{entry.shortcut}</kbd> : null}
          </li>
        ))}
      </ul>
      <p className="command-palette__none" role="status">
        {shown.length === 0 ? t('palette.none', { query: query.trim() }) : ''}
      </p>
    </ModalDialog>
  );
}
