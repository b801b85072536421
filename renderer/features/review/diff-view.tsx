// Runs in: renderer. The editor's view of what changed in an article: the details that changed,
// then the article itself with insertions in <ins> and deletions in <del>; long unchanged
// stretches fold into buttons that open them. Built from React elements only: no HTML strings.
import { Fragment, createElement, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ArticleDiff, DiffBlock, DiffBlockShape, DiffSegment, FieldChange, PendingSuggestion } from '../../../common/workflow/article-diff';
import { useI18nStore } from '../../i18n/i18n-store';
import type { MessageKey } from '../../i18n/messages/catalogues';
import { useT } from '../../i18n/use-t';
import './diff-view.css';
import { formatMoment } from '../../i18n/format-moment';

export interface DiffViewProps {
  diff: ArticleDiff;
  /** Says what the diff compares against, e.g. "since you last saw it (revision 3)". */
  baseLabel: string;
}

type Translate = ReturnType<typeof useT>;

/** Unchanged blocks kept visible on each side of a change. */
const CONTEXT_BLOCKS = 1;
/** A shorter unchanged stretch is shown rather than folded. */
const MIN_FOLDED = 2;

type Item = { type: 'block'; block: DiffBlock; index: number } | { type: 'fold'; start: number; count: number };

export function DiffView({ diff, baseLabel }: DiffViewProps) {
  const t = useT();
  // Unfolded stretches, by the index of their first block; reset when another diff is shown.
  const [unfolded, setUnfolded] = useState<{ diff: ArticleDiff; starts: ReadonlySet<number>; focus: number | null }>({
    diff,
    starts: new Set(),
    focus: null,
  });
  const starts = unfolded.diff === diff ? unfolded.starts : EMPTY_SET;
  const focusIndex = unfolded.diff === diff ? unfolded.focus : null;
  const items = useMemo(() => planItems(diff.blocks, starts), [diff.blocks, starts]);
  const bodyRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // The button that was pressed is gone: move focus to the first block it revealed.
    if (focusIndex === null) return;
    bodyRef.current?.querySelector<HTMLElement>(`[data-diff-index="${focusIndex}"]`)?.focus();
  }, [focusIndex]);

  const unfold = (start: number): void =>
    setUnfolded({ diff, starts: new Set([...starts, start]), focus: start });

  const ctx: RenderContext = { t, focusIndex, unfold };
  return (
    <section role="region" aria-label={t('diff.title', { base: baseLabel })} className="diff-view">
      <p className="diff-title">{t('diff.title', { base: baseLabel })}</p>
      <p className="diff-summary">{summaryLine(diff, baseLabel, t)}</p>
      {diff.stats.coarse ? <p className="hint">{t('diff.coarse')}</p> : null}
      {diff.fields.length > 0 ? <FieldChanges fields={diff.fields} /> : null}
      <div className="diff-body" ref={bodyRef} role="group" aria-label={t('diff.bodyLabel')}>
        {renderItems(items, 0, ctx)}
      </div>
    </section>
  );
}

const EMPTY_SET: ReadonlySet<number> = new Set();

function summaryLine(diff: ArticleDiff, baseLabel: string, t: Translate): string {
  const { stats } = diff;
  if (stats.unchanged) return t('diff.noChanges', { base: baseLabel });
  const chars = (n: number): string => (n === 1 ? t('diff.count.char') : t('diff.count.chars', { n }));
  const parts = [
    stats.changedBlocks > 0
      ? t('diff.summary.body', {
          inserted: chars(stats.insertedChars),
          deleted: chars(stats.deletedChars),
          blocks: stats.changedBlocks === 1 ? t('diff.count.block') : t('diff.count.blocks', { n: stats.changedBlocks }),
        })
      : t('diff.summary.bodyUnchanged'),
  ];
  if (diff.fields.length > 0) {
    parts.push(diff.fields.length === 1 ? t('diff.summary.fieldsOne') : t('diff.summary.fields', { count: diff.fields.length }));
  }
  return parts.join(t('diff.summary.separator'));
}

/** Which blocks to show: every change with its context, the long unchanged stretches folded. */
function planItems(blocks: readonly DiffBlock[], unfolded: ReadonlySet<number>): Item[] {
  const visible = new Uint8Array(blocks.length);
  blocks.forEach((block, index) => {
    if (block.op === 'same') return;
    for (let k = Math.max(0, index - CONTEXT_BLOCKS); k <= Math.min(blocks.length - 1, index + CONTEXT_BLOCKS); k++) visible[k] = 1;
  });
  const items: Item[] = [];
  let index = 0;
  while (index < blocks.length) {
    if (visible[index]) {
      items.push({ type: 'block', block: blocks[index] as DiffBlock, index });
      index++;
      continue;
    }
    let end = index;
    while (end < blocks.length && !visible[end]) end++;
    if (end - index >= MIN_FOLDED && !unfolded.has(index)) {
      items.push({ type: 'fold', start: index, count: end - index });
    } else {
      for (let k = index; k < end; k++) items.push({ type: 'block', block: blocks[k] as DiffBlock, index: k });
    }
    index = end;
  }
  return items;
}

interface RenderContext {
  t: Translate;
  focusIndex: number | null;
  unfold(start: number): void;
}

const depthOf = (item: Item): number => (item.type === 'block' ? item.block.containers.length : 0);
const itemKey = (item: Item): string => (item.type === 'block' ? `b${item.index}` : `f${item.start}`);

/** Items at nesting `depth`, with runs of deeper items wrapped in their quote or list. */
function renderItems(items: readonly Item[], depth: number, ctx: RenderContext): ReactNode[] {
  const out: ReactNode[] = [];
  let i = 0;
  while (i < items.length) {
    const item = items[i] as Item;
    if (item.type === 'fold') {
      out.push(
        <p key={itemKey(item)} className="diff-fold">
          <button type="button" aria-label={ctx.t('diff.collapsed.show', { count: item.count })} onClick={() => ctx.unfold(item.start)}>
            {ctx.t('diff.collapsed', { count: item.count })}
          </button>
        </p>,
      );
      i++;
      continue;
    }
    const container = item.block.containers[depth];
    if (container === undefined) {
      out.push(<BlockView key={itemKey(item)} block={item.block} index={item.index} ctx={ctx} />);
      i++;
      continue;
    }
    let end = i;
    while (end < items.length) {
      const next = items[end] as Item;
      if (next.type !== 'block' || next.block.containers[depth] !== container) break;
      end++;
    }
    const group = items.slice(i, end);
    const key = `${container}-${itemKey(item)}`;
    if (container === 'blockquote') out.push(<blockquote key={key}>{renderItems(group, depth + 1, ctx)}</blockquote>);
    else out.push(renderList(container === 'orderedList', group, depth + 1, ctx, key));
    i = end;
  }
  return out;
}

/** A list at `depth`: each block that starts an item opens a new <li>; the rest go inside it. */
function renderList(ordered: boolean, items: readonly Item[], depth: number, ctx: RenderContext, key: string): ReactNode {
  const entries: Item[][] = [];
  for (const item of items) {
    const starts = item.type === 'block' && depthOf(item) === depth && item.block.listItemStart;
    const current = entries[entries.length - 1];
    if (starts || !current) entries.push([item]);
    else current.push(item);
  }
  const children = entries.map((entry) => {
    const first = entry[0] as Item;
    const head = first.type === 'block' && first.block.listItemStart && depthOf(first) === depth ? first.block : null;
    return (
      <li
        key={itemKey(first)}
        value={ordered && head?.ordinal !== undefined ? head.ordinal : undefined}
        className={head && head.op !== 'same' ? `diff-item-${head.op}` : head ? undefined : 'diff-item-continued'}
      >
        {renderItems(entry, depth, ctx)}
      </li>
    );
  });
  return ordered ? <ol key={key}>{children}</ol> : <ul key={key}>{children}</ul>;
}

function BlockView({ block, index, ctx }: { block: DiffBlock; index: number; ctx: RenderContext }) {
  const { t } = ctx;
  const className = `diff-block diff-block-${block.op}`;
  const focusProps = ctx.focusIndex === index ? { tabIndex: -1 } : {};
  const notes: ReactNode[] = [];
  if (block.moved) notes.push(<span key="moved" className="diff-badge">{t(block.op === 'insert' ? 'diff.moved.here' : 'diff.moved.away')}</span>);
  if (block.shapeBefore) notes.push(<span key="shape">{t('diff.shape.was', { shape: describeShape(block.shapeBefore, t) })}</span>);
  const note = notes.length > 0 ? <span className="diff-note">{notes}</span> : null;
  const text = <Segments segments={block.segments} t={t} />;

  switch (block.kind) {
    case 'heading':
      return (
        <div className={className} data-diff-index={index} {...focusProps}>
          {note}
          {createElement(headingTag(block.level), null, text)}
        </div>
      );
    case 'figure':
      return <FigureView block={block} index={index} className={className} note={note} focusProps={focusProps} t={t} />;
    case 'horizontalRule':
      return (
        <div className={`${className} diff-rule`} data-diff-index={index} {...focusProps}>
          {note}
          {block.op === 'insert' || block.op === 'delete' ? (
            <Segments segments={[{ op: block.op, text: t('diff.rule') }]} t={t} />
          ) : null}
          <hr />
        </div>
      );
    default:
      return (
        <p className={className} data-diff-index={index} {...focusProps}>
          {note}
          {text}
        </p>
      );
  }
}

function headingTag(level: number | undefined): 'h2' | 'h3' | 'h4' | 'h5' | 'h6' {
  switch (level) {
    case 3:
      return 'h3';
    case 4:
      return 'h4';
    case 5:
      return 'h5';
    case 6:
      return 'h6';
    default:
      return 'h2';
  }
}

interface FigureViewProps {
  block: DiffBlock;
  index: number;
  className: string;
  note: ReactNode;
  focusProps: { tabIndex?: number };
  t: Translate;
}

function FigureView({ block, index, className, note, focusProps, t }: FigureViewProps) {
  const figure = block.figure;
  const leadNote =
    figure?.leadBefore === undefined ? null : (
      <span className="diff-note">{t(figure.lead ? 'diff.photo.becameLead' : 'diff.photo.noLongerLead')}</span>
    );
  const wholeOp = block.op === 'insert' || block.op === 'delete' ? block.op : null;
  return (
    <figure className={`${className} diff-figure`} data-diff-index={index} {...focusProps}>
      {note}
      {leadNote}
      <span className="diff-figure-label">
        {wholeOp ? <span className="visually-hidden">{t(wholeOp === 'insert' ? 'diff.sr.inserted' : 'diff.sr.deleted')} </span> : null}
        {t('diff.photo')}
        {figure?.lead ? <span className="diff-badge">{t('diff.photo.lead')}</span> : null}
      </span>
      <figcaption>
        {block.segments.length > 0 ? <Segments segments={block.segments} t={t} /> : <span className="hint">{t('diff.photo.noCaption')}</span>}
      </figcaption>
      {figure && figure.credit.length > 0 ? (
        <p className="diff-figure-meta">
          {t('diff.labelled', { label: t('diff.photo.credit') })}
          <Segments segments={figure.credit} t={t} />
        </p>
      ) : null}
      {figure && figure.alt.length > 0 ? (
        <p className="diff-figure-meta">
          {t('diff.labelled', { label: t('diff.photo.alt') })}
          <Segments segments={figure.alt} t={t} />
        </p>
      ) : null}
    </figure>
  );
}

function describeShape(shape: DiffBlockShape, t: Translate): string {
  let name: string;
  if (shape.kind === 'heading') {
    name = shape.level === 2 ? t('diff.shape.heading2') : shape.level === 3 ? t('diff.shape.heading3') : t('diff.shape.heading', { level: shape.level ?? 2 });
  } else if (shape.kind === 'figure') {
    name = t('diff.shape.figure');
  } else if (shape.kind === 'horizontalRule') {
    name = t('diff.shape.rule');
  } else {
    const inner = shape.containers[shape.containers.length - 1];
    name =
      inner === 'orderedList'
        ? t('diff.shape.orderedItem')
        : inner === 'bulletList'
          ? t('diff.shape.bulletItem')
          : inner === 'blockquote'
            ? t('diff.shape.quote')
            : t('diff.shape.paragraph');
  }
  const lists = shape.containers.filter((c) => c !== 'blockquote').length;
  return lists > 1 ? t('diff.shape.nested', { shape: name, depth: lists }) : name;
}

function describeMarks(marks: readonly string[] | undefined, href: string | undefined, t: Translate): string {
  const names = (marks ?? []).map((mark) => {
    switch (mark) {
      case 'bold':
        return t('diff.mark.bold');
      case 'italic':
        return t('diff.mark.italic');
      case 'underline':
        return t('diff.mark.underline');
      case 'strike':
        return t('diff.mark.strike');
      case 'link':
        return t('diff.mark.link', { href: href ?? '' });
      default:
        return mark;
    }
  });
  return names.length > 0 ? names.join(t('diff.listSeparator')) : t('diff.mark.plain');
}

function Segments({ segments, t }: { segments: readonly DiffSegment[]; t: Translate }) {
  return (
    <>
      {segments.map((segment, index) => (
        <SegmentView key={index} segment={segment} t={t} />
      ))}
    </>
  );
}

function SegmentView({ segment, t }: { segment: DiffSegment; t: Translate }) {
  const content = withPending(withMarks(withBreaks(segment.text), segment.marks, segment.href), segment.pending, t);
  switch (segment.op) {
    case 'insert':
      return (
        <ins>
          <span className="visually-hidden">{t('diff.sr.inserted')} </span>
          {content}
        </ins>
      );
    case 'delete':
      return (
        <del>
          <span className="visually-hidden">{t('diff.sr.deleted')} </span>
          {content}
        </del>
      );
    case 'format': {
      const was = describeMarks(segment.marksBefore, segment.hrefBefore, t);
      return (
        <span className="diff-format" title={t('diff.format.was', { marks: was })}>
          <span className="visually-hidden">{t('diff.sr.format', { marks: was })} </span>
          {content}
        </span>
      );
    }
    default:
      return <>{content}</>;
  }
}

const PENDING_KEYS = {
  insert: 'diff.pending.insert',
  delete: 'diff.pending.delete',
  format: 'diff.pending.format',
} as const satisfies Record<PendingSuggestion['kind'], MessageKey>;

/** A suggestion still waiting in the text: dashed in place of solid, and said in words to screen readers and on hover. */
function withPending(content: ReactNode, pending: PendingSuggestion | undefined, t: Translate): ReactNode {
  if (!pending) return content;
  const what = t(PENDING_KEYS[pending.kind], { name: pending.by });
  return (
    <span className={`diff-pending diff-pending--${pending.kind}`} title={what}>
      <span className="visually-hidden">{t('diff.labelled', { label: what })}</span>
      {content}
    </span>
  );
}

/** Hard line breaks ('\n') as <br>. */
function withBreaks(text: string): ReactNode {
  if (!text.includes('\n')) return text;
  return text.split('\n').map((line, index) => (
    <Fragment key={index}>
      {index > 0 ? <br /> : null}
      {line}
    </Fragment>
  ));
}

/** The editor's marks as elements; a link is shown, not followed, with its target as a tooltip. */
function withMarks(content: ReactNode, marks: readonly string[] | undefined, href: string | undefined): ReactNode {
  let out = content;
  for (const mark of marks ?? []) {
    if (mark === 'bold') out = <strong>{out}</strong>;
    else if (mark === 'italic') out = <em>{out}</em>;
    else if (mark === 'underline') out = <u>{out}</u>;
    else if (mark === 'strike') out = <s>{out}</s>;
    else if (mark === 'link')
      out = (
        <span className="diff-link" title={href}>
          {out}
        </span>
      );
  }
  return out;
}

function FieldChanges({ fields }: { fields: readonly FieldChange[] }) {
  const t = useT();
  return (
    <section className="diff-fields" aria-labelledby="diff-fields-title">
      <h3 id="diff-fields-title">{t('diff.metadata.title')}</h3>
      <ul>
        {fields.map((change) => (
          <li key={change.field}>
            <span className="diff-field-name">{t('diff.labelled', { label: t(`diff.field.${change.field}`) })}</span>
            <FieldValue change={change} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function FieldValue({ change }: { change: FieldChange }) {
  const t = useT();
  const locale = useI18nStore((s) => s.locale);
  const separator = t('diff.listSeparator');
  if (change.segments && change.before !== '' && change.after !== '') return <Segments segments={change.segments} t={t} />;

  const added = change.added ?? [];
  const removed = change.removed ?? [];
  if (added.length > 0 || removed.length > 0) {
    return (
      <>
        {added.length > 0 ? (
          <span className="diff-field-part">
            {t('diff.labelled', { label: t('diff.field.added') })}
            <ins>{added.join(separator)}</ins>
          </span>
        ) : null}
        {added.length > 0 && removed.length > 0 ? t('diff.summary.separator') : null}
        {removed.length > 0 ? (
          <span className="diff-field-part">
            {t('diff.labelled', { label: t('diff.field.removed') })}
            <del>{removed.join(separator)}</del>
          </span>
        ) : null}
      </>
    );
  }

  const show = (value: string): string => {
    if (value === '') return change.field === 'plannedAt' ? t('diff.field.notPlanned') : t('diff.field.empty');
    if (change.field === 'plannedAt') return formatTime(value, locale);
    return value;
  };
  return (
    <>
      <del>
        <span className="visually-hidden">{t('diff.sr.deleted')} </span>
        {show(change.before)}
      </del>
      <span aria-hidden="true"> → </span>
      <span className="visually-hidden"> {t('diff.changedTo')} </span>
      <ins>
        <span className="visually-hidden">{t('diff.sr.inserted')} </span>
        {show(change.after)}
      </ins>
    </>
  );
}

function formatTime(iso: string, locale: string): string {
  return formatMoment(iso, locale);
}
