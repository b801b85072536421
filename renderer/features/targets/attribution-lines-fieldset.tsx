// Runs in: renderer. The target form's source and responsible-editor line templates (WordPress and
// Ghost), one per line and language family, each with a preview of the line a story would get.
import type { ReactNode } from 'react';
import { ATTRIBUTION_SAMPLES, attributionTemplateProblem, fillAttributionTemplate } from '../../../common/publish/attribution-lines';
import type { MessageKey } from '../../i18n/messages/catalogues';
import { useT } from '../../i18n/use-t';
import { LINE_FIELDS, type TargetField, type TargetFormValues } from './target-form-values';

const LABELS: Record<(typeof LINE_FIELDS)[number]['field'], MessageKey> = {
  lineSourceZh: 'targets.field.line.sourceZh',
  lineEditorZh: 'targets.field.line.editorZh',
  lineSourceEn: 'targets.field.line.sourceEn',
  lineEditorEn: 'targets.field.line.editorEn',
};

export interface AttributionLinesFieldsetProps {
  values: TargetFormValues;
  /** Renders one text field of the form (its label, input, hint and error). */
  renderField(name: TargetField, label: MessageKey, hint: string): ReactNode;
}

export function AttributionLinesFieldset({ values, renderField }: AttributionLinesFieldsetProps) {
  const t = useT();
  const preview = (field: (typeof LINE_FIELDS)[number]): string => {
    const template = values[field.field];
    // A template the form refuses has no preview: its error says what to change.
    if (attributionTemplateProblem(template, field.line) !== null) return '';
    const line = fillAttributionTemplate(template, field.line, ATTRIBUTION_SAMPLES[field.family][field.line]);
    return line === null ? t('targets.lines.previewOff') : t('targets.lines.preview', { line });
  };
  return (
    <fieldset className="attribution-lines">
      <legend>{t('targets.field.lines')}</legend>
      <p className="hint">{t('targets.field.linesHint')}</p>
      {LINE_FIELDS.map((field) => (
        <div key={field.field}>{renderField(field.field, LABELS[field.field], preview(field))}</div>
      ))}
    </fieldset>
  );
}
