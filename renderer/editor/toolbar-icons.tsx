// Runs in: renderer. The formatting toolbar's icons, drawn rather than typed: symbols such as ¶ ❝ ▣
// were hard to recognise, and many Linux systems have no colour-emoji font.
import type { ReactNode } from 'react';

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" focusable="false">
      {children}
    </svg>
  );
}

/** A chain link. */
export function LinkIcon() {
  return (
    <Icon>
      <path d="M6.5 9.5l3-3" />
      <path d="M7 4.5l1.2-1.2a2.8 2.8 0 0 1 4 4L11 8.5" />
      <path d="M9 11.5l-1.2 1.2a2.8 2.8 0 0 1-4-4L5 7.5" />
    </Icon>
  );
}

/** Body text: a "T" beside lines of text. */
export function ParagraphIcon() {
  return (
    <Icon>
      <path d="M2 3.5h6M5 3.5v9" />
      <path d="M10.5 7.5h3.5M10.5 12.5h3.5" />
    </Icon>
  );
}

/** Two quotation marks. */
export function QuoteIcon() {
  return (
    <Icon>
      <path d="M3 12.5c-.8-3 .2-6 3-7.5" />
      <circle cx="4.6" cy="10.4" r="1.9" fill="currentColor" stroke="none" />
      <path d="M9.5 12.5c-.8-3 .2-6 3-7.5" />
      <circle cx="11.1" cy="10.4" r="1.9" fill="currentColor" stroke="none" />
    </Icon>
  );
}

/** Three bullets with their lines. */
export function BulletListIcon() {
  return (
    <Icon>
      <circle cx="3" cy="4" r="1.2" fill="currentColor" stroke="none" />
      <circle cx="3" cy="8" r="1.2" fill="currentColor" stroke="none" />
      <circle cx="3" cy="12" r="1.2" fill="currentColor" stroke="none" />
      <path d="M6.5 4h7.5M6.5 8h7.5M6.5 12h7.5" />
    </Icon>
  );
}

/** A "1" and a "2" drawn beside their lines. */
export function NumberedListIcon() {
  return (
    <Icon>
      <path d="M2.3 3.3l1.4-.9v4.2" strokeWidth="1.3" />
      <path d="M2 9.6a1.4 1.4 0 1 1 2.5.9L2 13.4h2.8" strokeWidth="1.3" />
      <path d="M7 4.5h7M7 11.5h7" />
    </Icon>
  );
}

/** A rule between two lines of text. */
export function HorizontalRuleIcon() {
  return (
    <Icon>
      <path d="M4 3h8M4 13h8" strokeWidth="1.2" opacity="0.6" />
      <path d="M1.5 8h13" strokeWidth="2" />
    </Icon>
  );
}

/** A framed picture: hills and the sun. */
export function PhotoIcon() {
  return (
    <Icon>
      <rect x="1.5" y="2.5" width="13" height="11" rx="1.5" />
      <path d="M2 12l3.8-3.8 3 3 1.7-1.7L14 13" />
      <circle cx="10.8" cy="6" r="1.3" />
    </Icon>
  );
}

/** An arrow turning back. */
export function UndoIcon() {
  return (
    <Icon>
      <path d="M5.5 3.5L3 6l2.5 2.5" />
      <path d="M3.5 6h6.5a3.5 3.5 0 0 1 0 7H6.5" />
    </Icon>
  );
}

/** An arrow turning forward. */
export function RedoIcon() {
  return (
    <Icon>
      <path d="M10.5 3.5L13 6l-2.5 2.5" />
      <path d="M12.5 6H6a3.5 3.5 0 0 0 0 7h3.5" />
    </Icon>
  );
}

/** Suggest changes: a pencil over a line of text. */
export function SuggestIcon() {
  return (
    <Icon>
      <path d="M9.5 3.5l2 2L6 11H4V9z" />
      <path d="M2.5 14h11" />
    </Icon>
  );
}

/** A speech bubble: comment on the selected text. */
export function CommentIcon() {
  return (
    <Icon>
      <path d="M2.5 3.5h11v7h-6l-3 2.5v-2.5h-2z" />
    </Icon>
  );
}
