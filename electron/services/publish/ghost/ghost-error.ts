// Runs in: services. Turns a Ghost Admin API error answer ({ errors: [{ type, message, context }] })
// into an AppError that says what happened and what to do; its code and whether to retry come from
// the failure table, like every other backend's.
import { AppError } from '../../../../common/app-error';
import { bodyExcerpt, stripTags } from '../http/body-excerpt';
import { classifyHttpStatus } from '../http/classify-http-failure';
import { ghostKind, remoteFailure } from '../http/remote-failure-table';

export interface GhostErrorBody {
  type: string;
  message: string;
  context: string;
}

export interface GhostErrorContext {
  url: string;
  targetLabel: string;
  /** Completes "could not …", e.g. "upload the photo "harbour.jpg"". */
  action: string;
}

/** Details carried by every AppError this adapter throws for an HTTP answer. */
export interface GhostErrorDetails {
  status: number;
  url: string;
  ghostType?: string;
}

export function parseGhostError(text: string): GhostErrorBody | null {
  try {
    const json: unknown = JSON.parse(text);
    const first: unknown = typeof json === 'object' && json !== null && Array.isArray((json as { errors?: unknown }).errors) ? (json as { errors: unknown[] }).errors[0] : null;
    if (typeof first !== 'object' || first === null) return null;
    const { type, message, context } = first as { type?: unknown; message?: unknown; context?: unknown };
    if (typeof type !== 'string') return null;
    return { type, message: typeof message === 'string' ? message : '', context: typeof context === 'string' ? context : '' };
  } catch {
    return null;
  }
}

export function ghostHttpError(status: number, text: string, context: GhostErrorContext): AppError {
  const ghost = parseGhostError(text);
  const details: GhostErrorDetails = { status, url: context.url, ...(ghost ? { ghostType: ghost.type } : {}) };
  const said = ghost ? bodyExcerpt(stripTags([ghost.message, ghost.context].filter((part) => part.length > 0).join(': '))) : '';
  const ghostSays = said ? ` (Ghost says: ${said})` : '';
  const kind = ghostKind(status, ghost?.type ?? null);
  const build = (message: string) => remoteFailure(kind, message, { ...details });
  switch (kind) {
    case 'http-401':
      return build(`${context.targetLabel} refused the Admin API key${ghostSays}. Copy the key again from Ghost's Settings → Integrations and save it with this target`);
    case 'http-403':
      return build(`${context.targetLabel} does not let this integration ${context.action}${ghostSays}`);
    case 'http-404':
      return build(`${context.targetLabel} has nothing at ${context.url} (HTTP 404) while Dateline tried to ${context.action}${ghostSays}`);
    case 'http-413':
      return build(`${context.targetLabel} refused to ${context.action}: it is larger than the site accepts (HTTP 413)${ghostSays}`);
    case 'ghost-invalid-request':
      return build(`Ghost rejected the request to ${context.action}${ghostSays}`);
    case 'ghost-update-collision':
      return build(`Someone changed the post in Ghost since Dateline last read it${ghostSays}`);
    default:
      return classifyHttpStatus(status, { url: context.url, bodySnippet: ghost ? said : text, targetLabel: context.targetLabel, facts: details });
  }
}
