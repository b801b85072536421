// Runs in: services. The account's capabilities (users/me?context=edit) checked against what a
// publish asks for, before anything is written (photos included): a contributor asked to publish is
// refused with nothing created on the site, and told that it may submit for review instead. (An
// account that may not upload photos is refused by WordPress at the first upload, before any post.)
import { AppError } from '../../../../common/app-error';
import type { AppErrorDetails } from '../../../../common/errors/app-error-details';
import type { PublishStatus } from '../../../../common/publish/publish-target-config';
import type { PublishContext } from '../publish-target';

/** What users/me?context=edit says about the account. */
export interface AccountCapabilities {
  roles?: string[];
  capabilities?: Record<string, boolean>;
}

/** Why an account was refused, in the AppError's details (the renderer offers "Submit for review" for review-only). */
export type CapabilityRefusal = Extract<AppErrorDetails<'remote-forbidden'>, { reason: string }>;

/** Throws remote-forbidden when the account may not set the status the publish asks for. */
export function refuseBeyondCapabilities(me: AccountCapabilities, ctx: Pick<PublishContext, 'options'>): void {
  const caps = me.capabilities;
  // An answer without capabilities (an old WordPress, a filter) leaves the decision to WordPress itself.
  if (!caps) return;
  const who = `Your WordPress role (${me.roles?.[0] ?? 'unknown role'})`;
  const status = ctx.options.status;
  if ((status === 'published' || status === 'scheduled') && caps.publish_posts !== true) {
    const allowedStatuses: PublishStatus[] = caps.edit_posts === true ? ['draft', 'submitted'] : [];
    throw new AppError(
      'remote-forbidden',
      allowedStatuses.length > 0
        ? `${who} may not publish posts: this account can only submit articles for review — choose "Submit for review" or ask an editor to publish. Nothing was sent`
        : `${who} may not write posts at all: use an account with the Contributor role or higher. Nothing was sent`,
      allowedStatuses.length > 0
        ? ({ kind: 'account-may-not-publish', reason: 'review-only', allowedStatuses } satisfies CapabilityRefusal)
        : ({ kind: 'account-may-not-write', reason: 'no-posts', allowedStatuses } satisfies CapabilityRefusal),
    );
  }
  if (caps.edit_posts !== true) {
    throw new AppError('remote-forbidden', `${who} may not write posts at all: use an account with the Contributor role or higher. Nothing was sent`, { kind: 'account-may-not-write', reason: 'no-posts', allowedStatuses: [] } satisfies CapabilityRefusal);
  }
}
