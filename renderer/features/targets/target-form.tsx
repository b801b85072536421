// Runs in: renderer. Add or edit one target: the fields its kind needs, checked before anything is sent.
import { useId, useState } from 'react';
import { TARGET_KINDS, type SecretsBackendInfo, type TargetKind, type TargetView } from '../../../common/publish/publish-target-config';
import { useStores } from '../../stores/stores-context';
import { formatError } from '../../api/format-error';
import type { MessageKey } from '../../i18n/messages/catalogues';
import { useT } from '../../i18n/use-t';
import { AttributionLinesFieldset } from './attribution-lines-fieldset';
import { emptyFormValues, formValuesFor, parseTargetForm, type TargetField, type TargetFormErrors, type TargetFormValues } from './target-form-values';
import { targetDisplayName } from './target-display-name';

export interface TargetFormProps {
  /** Null when adding a new target. */
  editing: TargetView | null;
  secrets: SecretsBackendInfo | null;
  /** Called with the target as saved. */
  onDone(saved: TargetView): void;
  onCancel(): void;
}

interface TextFieldProps {
  field: TargetField;
  label: string;
  values: TargetFormValues;
  errors: TargetFormErrors;
  onChange(field: TargetField, value: string): void;
  type?: 'text' | 'password' | 'url' | 'number';
  hint?: string;
  placeholder?: string;
}

function TextField({ field, label, values, errors, onChange, type = 'text', hint, placeholder }: TextFieldProps) {
  const t = useT();
  const id = useId();
  const hintId = useId();
  const errorId = useId();
  const error = errors[field];
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={values[field]}
        placeholder={placeholder}
        autoComplete={type === 'password' ? 'new-password' : 'off'}
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(e) => onChange(field, e.target.value)}
      />
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="hint hint-error">
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}

function secretStateKey(stored: boolean, secrets: SecretsBackendInfo | null): MessageKey {
  if (!stored) return 'targets.secret.notSet';
  if (secrets?.backend === 'file') return 'targets.secret.storedFile';
  if (secrets && !secrets.secure) return 'targets.secret.storedWeak';
  return 'targets.secret.stored';
}

export function TargetForm({ editing, secrets, onDone, onCancel }: TargetFormProps) {
  const t = useT();
  const ids = { kind: useId(), mediaMode: useId(), featuredImage: useId() };
  const { targets } = useStores();
  const [values, setValues] = useState<TargetFormValues>(() => (editing ? formValuesFor(editing) : emptyFormValues('wordpress')));
  const [errors, setErrors] = useState<TargetFormErrors>({});
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const hasSecret = editing?.hasSecret ?? false;

  const handleChange = (field: TargetField, value: string): void => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };
  const handleKind = (kind: TargetKind): void => {
    setValues((v) => ({ ...emptyFormValues(kind, v.id), name: v.name }));
    setErrors({});
  };

  const handleSubmit = (event: React.FormEvent): void => {
    event.preventDefault();
    const parsed = parseTargetForm(values, hasSecret);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setSaving(true);
    setSaveError(null);
    const input = parsed.secret === undefined ? { config: parsed.config } : { config: parsed.config, secret: parsed.secret };
    targets
      .getState()
      .save(input)
      .then((saved) => onDone(saved), (error: unknown) => setSaveError(error))
      .finally(() => setSaving(false));
  };

  const secretHint = editing ? `${t(secretStateKey(hasSecret, secrets))}${hasSecret ? ` ${t('targets.secret.keepHint')}` : ''}` : undefined;
  const problem = saveError ? formatError(saveError) : null;
  const field = (name: TargetField, label: MessageKey, extra: Partial<TextFieldProps> = {}) => (
    <TextField field={name} label={t(label)} values={values} errors={errors} onChange={handleChange} {...extra} />
  );
  const attributionFields = <AttributionLinesFieldset values={values} renderField={(name, label, hint) => field(name, label, hint ? { hint } : {})} />;

  return (
    <form className="target-form" aria-label={editing ? t('targets.editTitle', { name: targetDisplayName(t, editing.config.id, editing.config.name) }) : t('targets.addTitle')} onSubmit={handleSubmit} noValidate>
      <h3>{editing ? t('targets.editTitle', { name: targetDisplayName(t, editing.config.id, editing.config.name) }) : t('targets.addTitle')}</h3>
      {editing ? null : (
        <fieldset className="publish-status">
          <legend id={ids.kind}>{t('targets.kind')}</legend>
          <div role="radiogroup" aria-labelledby={ids.kind}>
            {TARGET_KINDS.map((kind) => (
              <label key={kind} className="radio-row">
                <input type="radio" name="target-kind" value={kind} checked={values.kind === kind} onChange={() => handleKind(kind)} />
                {t(`targets.kind.${kind}`)}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {field('name', 'targets.field.name')}
      {values.kind === 'wordpress' ? (
        <>
          {field('siteUrl', 'targets.field.siteUrl', { type: 'url', placeholder: 'https://news.example.com' })}
          {field('username', 'targets.field.username')}
          {field('secret', 'targets.field.appPassword', { type: 'password', hint: secretHint ?? t('targets.field.appPasswordHint') })}
          {field('defaultCategory', 'targets.field.defaultCategory', { hint: t('targets.field.defaultCategoryHint') })}
          {field('mediaOrigins', 'targets.field.mediaOrigins', { placeholder: 'https://cdn.example.com', hint: t('targets.field.mediaOriginsHint') })}
          <div className="field">
            <label htmlFor={ids.featuredImage}>{t('targets.field.featuredImage')}</label>
            <select
              id={ids.featuredImage}
              value={values.featuredImage}
              onChange={(e) => {
                const choice = e.target.value;
                if (choice === 'auto' || choice === 'yes' || choice === 'no') setValues((v) => ({ ...v, featuredImage: choice }));
              }}
            >
              {(['auto', 'yes', 'no'] as const).map((choice) => (
                <option key={choice} value={choice}>
                  {t(`targets.featuredImage.${choice}`)}
                </option>
              ))}
            </select>
          </div>
          {attributionFields}
        </>
      ) : null}
      {values.kind === 'ghost' ? (
        <>
          {field('siteUrl', 'targets.field.siteUrl', { type: 'url', placeholder: 'https://news.example.com', hint: t('targets.field.ghostSiteUrlHint') })}
          {field('secret', 'targets.field.ghostAdminKey', { type: 'password', hint: secretHint ?? t('targets.field.ghostAdminKeyHint') })}
          {attributionFields}
        </>
      ) : null}
      {values.kind === 'webhook' ? (
        <>
          {field('url', 'targets.field.webhookUrl', { type: 'url', placeholder: 'https://' })}
          {field('secret', 'targets.field.signingKey', { type: 'password', hint: secretHint ?? t('targets.field.signingKeyHint') })}
          <fieldset className="publish-status">
            <legend id={ids.mediaMode}>{t('targets.field.mediaMode')}</legend>
            <div role="radiogroup" aria-labelledby={ids.mediaMode}>
              {(['inline', 'urls'] as const).map((mode) => (
                <label key={mode} className="radio-row">
                  <input
                    type="radio"
                    name="media-mode"
                    value={mode}
                    checked={values.mediaMode === mode}
                    onChange={() => {
                      setValues((v) => ({ ...v, mediaMode: mode }));
                      setErrors((e) => ({ ...e, mediaBaseUrl: undefined }));
                    }}
                  />
                  {t(`targets.mediaMode.${mode}`)}
                </label>
              ))}
            </div>
          </fieldset>
          {values.mediaMode === 'urls' ? field('mediaBaseUrl', 'targets.field.mediaBaseUrl', { type: 'url', placeholder: 'https://cdn.example.com/media/' }) : null}
          {field('timeoutSeconds', 'targets.field.timeout', { type: 'number' })}
        </>
      ) : null}
      {values.kind === 'folder' ? field('path', 'targets.field.folderPath', { hint: t('targets.field.folderPathHint') }) : null}
      {problem ? (
        <div className="notice notice-error" role="alert">
          <strong>{problem.message}</strong> <span className="notice-detail">{problem.detail}</span>
        </div>
      ) : null}
      <div className="modal-actions">
        <button type="button" onClick={onCancel}>
          {t('app.cancel')}
        </button>
        <button type="submit" className="primary" disabled={saving}>
          {t('targets.saveTarget')}
        </button>
      </div>
    </form>
  );
}
