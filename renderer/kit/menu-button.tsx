// Runs in: renderer. A button that opens a short menu of actions (the WAI-ARIA menu button
// pattern): Enter, Space or ArrowDown open it on the first item, ArrowUp on the last; arrows,
// Home and End move; Escape closes it and gives focus back to the button; Tab, a click outside or
// choosing an item closes it.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

export interface MenuAction {
  key: string;
  label: string;
  onSelect(): void;
}

export interface MenuButtonProps {
  label: string;
  items: readonly MenuAction[];
  className?: string;
}

export function MenuButton({ label, items, className }: MenuButtonProps) {
  const menuId = useId();
  const trigger = useRef<HTMLButtonElement>(null);
  const wrapper = useRef<HTMLSpanElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);
  // null: closed; otherwise the index of the item to focus.
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const open = focusIndex !== null;

  useEffect(() => {
    if (focusIndex !== null) itemRefs.current[focusIndex]?.focus();
  }, [focusIndex]);

  useEffect(() => {
    if (!open) return undefined;
    const closeOnOutside = (event: PointerEvent): void => {
      if (!(event.target instanceof Node) || !wrapper.current?.contains(event.target)) setFocusIndex(null);
    };
    document.addEventListener('pointerdown', closeOnOutside);
    return () => document.removeEventListener('pointerdown', closeOnOutside);
  }, [open]);

  const close = (returnFocus: boolean): void => {
    setFocusIndex(null);
    if (returnFocus) trigger.current?.focus();
  };

  const handleTriggerKey = (event: KeyboardEvent<HTMLButtonElement>): void => {
    if (event.key === 'ArrowDown' || event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      setFocusIndex(0);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setFocusIndex(items.length - 1);
    }
  };

  const handleMenuKey = (event: KeyboardEvent<HTMLUListElement>): void => {
    if (focusIndex === null) return;
    const last = items.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: focusIndex >= last ? 0 : focusIndex + 1,
      ArrowUp: focusIndex <= 0 ? last : focusIndex - 1,
      Home: 0,
      End: last,
    };
    const next = moves[event.key];
    if (next !== undefined) {
      event.preventDefault();
      setFocusIndex(next);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (event.key === 'Tab') {
      close(false);
    }
  };

  const choose = (item: MenuAction): void => {
    // Focus goes back to the button first, so a dialog the item opens returns focus there.
    close(true);
    item.onSelect();
  };

  return (
    <span className={`menu-button${className ? ` ${className}` : ''}`} ref={wrapper}>
      <button
        ref={trigger}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : setFocusIndex(0))}
        onKeyDown={handleTriggerKey}
      >
        {label}
        <span aria-hidden="true" className="menu-button__caret">
          ▾
        </span>
      </button>
      {open ? (
        <ul className="menu-button__menu" role="menu" id={menuId} aria-label={label} onKeyDown={handleMenuKey}>
          {items.map((item, index) => (
            <li role="none" key={item.key}>
              <button
                ref={(element) => {
                  itemRefs.current[index] = element;
                }}
                type="button"
                role="menuitem"
                tabIndex={-1}
                onClick={() => choose(item)}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </span>
  );
}
