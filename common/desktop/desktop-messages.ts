// Runs in: preload, main and renderer (pure). The small messages between the page and the shell for
// desktop conventions: the story that is open (recent documents) and an OS notification to show.
import { z } from 'zod';
import { articleIdSchema } from '../article';
import { parseDeepLink } from './deep-link';

/** Renderer → main: the article now open (null: none), for File → Open Recent. */
export const openArticleReportSchema = z.object({ id: articleIdSchema, title: z.string().max(1000) }).strict().nullable();
export type OpenArticleReport = z.infer<typeof openArticleReportSchema>;

/** Renderer → main: one notification, already worded in the UI language; its link must be one of ours. */
export const osNotificationRequestSchema = z
  .object({
    title: z.string().min(1).max(200),
    body: z.string().max(500),
    link: z
      .string()
      .nullable()
      .refine((link) => link === null || parseDeepLink(link) !== null, 'a dateline link'),
  })
  .strict();
export type OsNotificationRequest = z.infer<typeof osNotificationRequestSchema>;
