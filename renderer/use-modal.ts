import { useEffect, useRef } from 'preact/hooks';

/** Opens the native <dialog> (focus trap, Escape, backdrop) while `open` is true. */
export function useModal(open: boolean) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    if (!open && el.open) el.close();
  }, [open]);
  return ref;
}
