// Runs in: renderer. The margin beside the body on wide windows: each open comment on text as a
// card level with its text, stacked so none covers another, the active one (focused or clicked, or
// the composer) exactly beside its text, which is marked apart too. Positions are read again only
// when the layout may have moved: a frame after the body changed or was resized, after a card grew
// or shrank, or when the cards change. Typing never walks the document for them.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useStores } from '../../stores/stores-context';
import { useT } from '../../i18n/use-t';
import { CommentCard } from './comment-card';
import { CommentComposer } from './comment-composer';
import { inMargin } from './in-margin';
import { stackMarginCards, type MarginCard } from './stack-margin-cards';
import { useComposer } from './use-composer';

/** Space between two cards, in pixels. */
const CARD_GAP = 8;
/** The composer's place in the stack (comment ids never contain a space). */
const COMPOSER_ID = 'new comment';

export function CommentMargin() {
  const t = useT();
  const { review, article } = useStores();
  const articleId = article((s) => s.article?.id ?? null);
  const editorKey = article((s) => s.editorKey);
  const state = review((s) => (s.state && s.state.articleId === articleId ? s.state : null));
  const composer = useComposer();
  const cards = useMemo(() => state?.comments.filter(inMargin) ?? [], [state]);
  const canComment = state !== null && state.profile !== null && (state.hub?.keepsComments ?? true);
  const [activeId, setActiveId] = useState<string | null>(null);
  const active = composer ? COMPOSER_ID : activeId;

  const margin = useRef<HTMLDivElement>(null);
  const cardElements = useRef(new Map<string, HTMLElement>());
  const composerElement = useRef<HTMLFormElement>(null);

  const layout = useCallback(() => {
    const box = margin.current;
    const handle = article.getState().getEditorHandle();
    if (!box || !handle?.commentTops || !handle.topOf) return;
    if (cards.length === 0 && !composer) {
      box.style.minHeight = '';
      return;
    }
    const origin = box.getBoundingClientRect().top;
    const tops = handle.commentTops(new Map(cards.map((c) => [c.id, c.anchor?.from ?? 0])));
    const items: MarginCard[] = [];
    for (const c of cards) {
      const element = cardElements.current.get(c.id);
      if (element) items.push({ id: c.id, anchorTop: (tops.get(c.id) ?? origin) - origin, height: element.offsetHeight, position: c.anchor?.from ?? 0 });
    }
    if (composer && composerElement.current) items.push({ id: COMPOSER_ID, anchorTop: handle.topOf(composer.from) - origin, height: composerElement.current.offsetHeight, position: composer.from });
    const placed = stackMarginCards(items, active, CARD_GAP);
    let bottom = 0;
    for (const item of items) {
      const element = item.id === COMPOSER_ID ? composerElement.current : cardElements.current.get(item.id);
      const top = placed.get(item.id) ?? 0;
      if (element) element.style.top = `${top}px`;
      bottom = Math.max(bottom, top + item.height);
    }
    // The margin is as tall as its cards, so the last one can be scrolled to.
    box.style.minHeight = `${bottom}px`;
  }, [article, cards, composer, active]);

  const latestLayout = useRef(layout);
  useLayoutEffect(() => {
    latestLayout.current = layout;
    layout();
  }, [layout]);

  // The body's edits and resizes (one read a frame at most), and the cards' own size changes. With
  // nothing in the margin nothing follows the body: in a 100k-word story every Enter resizes it, and
  // each resize would cost a frame of its own (with Chromium's hit test under the pointer).
  const placesCards = cards.length > 0 || composer !== null;
  useEffect(() => {
    if (!placesCards) return;
    const off = article.getState().getEditorHandle()?.onLayoutChange?.(() => latestLayout.current());
    return () => off?.();
  }, [article, editorKey, placesCards]);
  useEffect(() => {
    if (typeof ResizeObserver !== 'function') return;
    const resized = new ResizeObserver(() => latestLayout.current());
    for (const element of cardElements.current.values()) resized.observe(element);
    if (composerElement.current) resized.observe(composerElement.current);
    return () => resized.disconnect();
  }, [cards, composer]);

  // The active card's text is marked apart in the body.
  const activeComment = composer ? null : activeId;
  useEffect(() => {
    article.getState().getEditorHandle()?.setActiveComment?.(activeComment);
  }, [article, editorKey, activeComment, cards]);

  const register = (id: string) => (element: HTMLElement | null) => {
    if (element) cardElements.current.set(id, element);
    else cardElements.current.delete(id);
  };

  return (
    <section
      className="comment-margin"
      aria-label={t('review.margin.label')}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setActiveId(null);
      }}
    >
      <div className="comment-margin__cards" ref={margin}>
        <ul className="comment-margin__list">
          {cards.map((c) => (
            <CommentCard
              key={c.id}
              ref={register(c.id)}
              comment={c}
              canComment={canComment}
              className={c.id === active ? 'comment-margin__card active' : 'comment-margin__card'}
              onActivate={() => setActiveId(c.id)}
            />
          ))}
        </ul>
        {composer && canComment ? <CommentComposer ref={composerElement} anchor={composer} className="comment-margin__card active" /> : null}
      </div>
    </section>
  );
}
