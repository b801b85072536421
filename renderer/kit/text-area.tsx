// Runs in: renderer. A <textarea> whose text follows `value` as React's controlled one does, but that
// keeps the browser's own undo. React's controlled textarea also writes its default value on every
// change, which replaces the element's text child; Chromium ends the open typing step at any such
// change in the page, so Ctrl/Cmd+Z took back one character at a time in the headline and summary
// (an <input> has no text child and undid the whole run). Here the element holds its text only as
// its value: React's own write of an empty default value then changes nothing, and the value is
// set only when it differs, that is when it changed elsewhere (a reload, a restore, a sent comment).
import { forwardRef, useCallback, useLayoutEffect, useRef, type ChangeEvent, type TextareaHTMLAttributes } from 'react';

export interface TextAreaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'defaultValue' | 'children'> {
  value: string;
}

export const TextArea = forwardRef<HTMLTextAreaElement, TextAreaProps>(function TextArea({ value, onChange, ...rest }, ref) {
  const element = useRef<HTMLTextAreaElement | null>(null);
  const latest = useRef(value);
  latest.current = value;
  const setElement = useCallback(
    (el: HTMLTextAreaElement | null) => {
      element.current = el;
      if (typeof ref === 'function') ref(el);
      else if (ref) ref.current = el;
    },
    [ref],
  );
  useLayoutEffect(() => {
    const el = element.current;
    if (el && el.value !== value) el.value = value;
  }, [value]);
  // A change the owner turned back into the value it already had (a newline pasted into the headline
  // where a space was) renders nothing: put the shown text back to that value once the change is done.
  const handleChange = (event: ChangeEvent<HTMLTextAreaElement>): void => {
    onChange?.(event);
    const el = event.currentTarget;
    queueMicrotask(() => {
      if (el.value !== latest.current) el.value = latest.current;
    });
  };
  return <textarea ref={setElement} onChange={handleChange} {...rest} />;
});
