import { useCallback, useState } from "react";

/**
 * Open/closed state plus the object the dialog is about. The object outlives closing, so the
 * title does not go blank while the closing animation plays.
 */
export function useDialog<T>() {
  const [data, setData] = useState<T | null>(null);
  const [opened, setOpened] = useState(false);
  const open = useCallback((value: T) => {
    setData(value);
    setOpened(true);
  }, []);
  const close = useCallback(() => setOpened(false), []);
  return { data, opened, open, close };
}
