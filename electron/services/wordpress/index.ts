// Runs in: services. The one WordPress module, used by publishing (publish/wordpress/) and by the
// review hub (review/wordpress-hub*). This file is its public face: code outside this folder
// imports only from here (a lint rule keeps it so; tests may reach inside).
//  - the REST client and its errors (wordpress-client.ts, wordpress-error.ts, rest-url.ts);
//  - media: photos up (wordpress-media.ts) and down (wordpress-photo-download.ts), captions;
//  - terms (wordpress-terms.ts);
//  - post identity: which article a post belongs to, by meta or marker (post-identity.ts), its
//    times (post-times.ts), and finding an article's posts (wordpress-article-posts.ts);
//  - twins: two posts of one article, and which one stays (twin-posts.ts).
export { WordPressClient, DEFAULT_TIMEOUT_MS, type FetchImpl, type RequestOptions, type WordPressClientOptions } from './wordpress-client';
export { wordpressErrorDetails, wordpressHttpError, type RequestPurpose, type WordPressErrorDetails } from './wordpress-error';
export { siteBase, type QueryValue } from './rest-url';
export { captionText, captionWithCredit, wordpressCaption } from './wordpress-caption';
export { distinctFigures, markerSlugs, mediaMarker, uploadFigures } from './wordpress-media';
export { downloadPhoto, isOutsideSite, originalImageUrl, PhotoOrigins, type DownloadOptions, type HostLookup } from './wordpress-photo-download';
export { distinctNames, resolveTerm, type Taxonomy } from './wordpress-terms';
export {
  articleIdInContent,
  articleMarkerBlock,
  articleOfPost,
  derivedArticleId,
  isMarkerDraft,
  lastWriterOfPost,
  postIdOfDerived,
  postMarker,
  withArticleMarker,
  writeNonceInContent,
  type WpMarkedPost,
} from './post-identity';
export { gmtToIso, modifiedToken } from './post-times';
export { articlePosts, postsMentioning, POST_STATUSES_TO_SEARCH } from './wordpress-article-posts';
export { canonicalPost, deleteDraft, olderTwin, sweepStrayDrafts } from './twin-posts';
