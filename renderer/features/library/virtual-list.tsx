// Runs in: renderer. A windowed list: fixed row height, only the rows in view are in the DOM.
import { useEffect, useRef, useState, type ReactNode } from 'react';

export interface VirtualListProps<T> {
  items: readonly T[];
  rowHeight: number;
  label: string;
  getKey(item: T): string;
  renderItem(item: T, index: number): ReactNode;
  /** Rows rendered above and below the visible ones. */
  overscan?: number;
  className?: string;
  /** All the rows, loaded or not (rows past `items` show as empty placeholders). @default items.length */
  count?: number;
  /** Called when rows near or past the end of `items` come into view, with the row index they reach. */
  onNearEnd?(until: number): void;
}

/** Used until the container has been measured (and in DOMs without layout). */
const FALLBACK_VIEWPORT = 800;

export function VirtualList<T>({ items, rowHeight, label, getKey, renderItem, overscan = 6, className, count, onNearEnd }: VirtualListProps<T>) {
  const rowCount = Math.max(count ?? items.length, items.length);
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(FALLBACK_VIEWPORT);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = (): void => setViewport(element.clientHeight > 0 ? element.clientHeight : FALLBACK_VIEWPORT);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(rowCount, Math.ceil((scrollTop + viewport) / rowHeight) + overscan);
  const nearEnd = items.length < rowCount && last >= items.length - overscan;
  useEffect(() => {
    if (nearEnd) onNearEnd?.(last);
  }, [nearEnd, last, onNearEnd]);
  const rows: ReactNode[] = [];
  for (let index = first; index < last; index++) {
    const item = index < items.length ? (items[index] as T) : null;
    rows.push(
      <div
        key={item === null ? `row-${index}` : getKey(item)}
        role="listitem"
        aria-setsize={rowCount}
        aria-posinset={index + 1}
        aria-busy={item === null ? true : undefined}
        className={item === null ? 'virtual-row virtual-row-loading' : 'virtual-row'}
        style={{ top: index * rowHeight, height: rowHeight }}
      >
        {item === null ? null : renderItem(item, index)}
      </div>,
    );
  }

  return (
    <div
      ref={ref}
      className={`virtual-list ${className ?? ''}`}
      role="list"
      aria-label={label}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
    >
      <div className="virtual-spacer" style={{ height: rowCount * rowHeight }}>
        {rows}
      </div>
    </div>
  );
}
