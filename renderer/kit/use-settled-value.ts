// Runs in: renderer. A value as shown on screen, following the real one once it has stopped changing
// for a moment (or at once when `immediate`). For a field that follows another as it is typed (the
// slug follows the headline): writing a text field's value while the person types elsewhere ends
// Chromium's open typing step, so Ctrl/Cmd+Z in the headline took back one character at a time.
import { useEffect, useState } from 'react';

export function useSettledValue<T>(value: T, delayMs: number, immediate: boolean): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    // While immediate the value itself is shown; keep up behind it for when it no longer is.
    const timer = setTimeout(() => setShown(value), immediate ? 0 : delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs, immediate]);
  return immediate ? value : shown;
}
