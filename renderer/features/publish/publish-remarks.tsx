// Runs in: renderer. What the target did otherwise than the article asked (a byline with no staff
// user on the site, a shortened summary, no review status), said after the publish in the user's language.
import type { PublishRemark } from '../../../common/publish/publish-job';
import { useT } from '../../i18n/use-t';

export function PublishRemarks({ remarks, target }: { remarks: readonly PublishRemark[]; target: string }) {
  const t = useT();
  if (remarks.length === 0) return null;
  return (
    <ul className="job-remarks">
      {remarks.map((remark, index) => (
        <li key={index}>
          {remark.kind === 'author-not-on-site'
            ? t('publish.remark.authorNotOnSite', { name: remark.name, target })
            : remark.kind === 'excerpt-shortened'
              ? t('publish.remark.excerptShortened', { max: remark.maxChars, target })
              : t('publish.remark.pendingAsDraft', { target })}
        </li>
      ))}
    </ul>
  );
}
