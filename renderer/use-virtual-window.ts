/**
 * Windowing for a long list of fixed-height rows inside its own scroll container: only the rows
 * in view (plus a margin) exist in the DOM, so 20,000 findings cost what 30 do.
 */
import { useEffect, useState } from 'preact/hooks';

export interface VirtualWindow {
  start: number;
  end: number;
  /** Pixels above the first rendered row. */
  offset: number;
  /** Height of the whole list. */
  height: number;
  /** Rows that fit in the viewport, for Page Up / Page Down. */
  pageRows: number;
}

export function windowFor(scrollTop: number, viewport: number, count: number, rowHeight: number, overscan: number): VirtualWindow {
  const first = Math.floor(scrollTop / rowHeight);
  const visible = Math.ceil(viewport / rowHeight) + 1;
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, first + visible + overscan);
  return { start, end, offset: start * rowHeight, height: count * rowHeight, pageRows: Math.max(1, Math.floor(viewport / rowHeight) - 1) };
}

export function useVirtualWindow(ref: { current: HTMLElement | null }, count: number, rowHeight: number, overscan = 8): VirtualWindow {
  const [metrics, setMetrics] = useState({ scrollTop: 0, viewport: 600 });

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let frame = 0;
    const measure = (): void => {
      frame = 0;
      setMetrics((m) => (m.scrollTop === el.scrollTop && m.viewport === el.clientHeight ? m : { scrollTop: el.scrollTop, viewport: el.clientHeight }));
    };
    const schedule = (): void => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    el.addEventListener('scroll', schedule, { passive: true });
    const observer = new ResizeObserver(schedule);
    observer.observe(el);
    return () => {
      el.removeEventListener('scroll', schedule);
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [ref]);

  return windowFor(metrics.scrollTop, metrics.viewport, count, rowHeight, overscan);
}

/** Scrolls the container just enough to show row `index`. */
export function scrollRowIntoView(el: HTMLElement, index: number, rowHeight: number, headerHeight = 0): void {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  const viewTop = el.scrollTop;
  const viewBottom = viewTop + el.clientHeight - headerHeight;
  if (top < viewTop) el.scrollTop = top;
  else if (bottom > viewBottom) el.scrollTop = bottom - (el.clientHeight - headerHeight);
}
