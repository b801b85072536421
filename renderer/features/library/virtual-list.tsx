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
}

/** Used until the container has been measured (and in DOMs without layout). */
const FALLBACK_VIEWPORT = 800;

export function VirtualList<T>({ items, rowHeight, label, getKey, renderItem, overscan = 6, className }: VirtualListProps<T>) {
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
  const last = Math.min(items.length, Math.ceil((scrollTop + viewport) / rowHeight) + overscan);
  const rows: ReactNode[] = [];
  for (let index = first; index < last; index++) {
    const item = items[index] as T;
    rows.push(
      <div
        key={getKey(item)}
        role="listitem"
        aria-setsize={items.length}
        aria-posinset={index + 1}
        className="virtual-row"
        style={{ top: index * rowHeight, height: rowHeight }}
      >
        {renderItem(item, index)}
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
      <div className="virtual-spacer" style={{ height: items.length * rowHeight }}>
        {rows}
      </div>
    </div>
  );
}
