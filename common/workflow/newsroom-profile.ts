// Runs in: main, services, host and renderer. Who the user is in the newsroom: the name recorded on
// workflow events and comments, and the role that decides which workflow actions they may take.
import { z } from 'zod';

export const NEWSROOM_ROLES = ['reporter', 'editor'] as const;
export const newsroomRoleSchema = z.enum(NEWSROOM_ROLES);
export type NewsroomRole = z.infer<typeof newsroomRoleSchema>;

export const newsroomProfileSchema = z.object({
  // Trimmed so " Li Wei " and "Li Wei" are one person on every machine.
  name: z.string().trim().min(1, 'a name').max(200),
  role: newsroomRoleSchema,
});
export type NewsroomProfile = z.infer<typeof newsroomProfileSchema>;

/** The actor as recorded on events, comments and replies. */
export const actorSchema = newsroomProfileSchema;
export type Actor = NewsroomProfile;

/** Whether two recorded names are the same person (names are the identity the hubs share). */
export function sameActorName(a: string, b: string): boolean {
  // Names are typed by people: "sam editor" is Sam Editor (and full-width Ｓａｍ is Sam, NFKC).
  return a.trim().normalize('NFKC').toLocaleLowerCase('en') === b.trim().normalize('NFKC').toLocaleLowerCase('en');
}
