// Runs in: renderer (and tests). Editors and desks open someone else's story in Suggesting mode, so
// their changes reach the reporter as suggestions; a reporter, or anyone on their own story, edits.
import { sameActorName, type NewsroomProfile } from './newsroom-profile';

export function suggestByDefault(profile: NewsroomProfile | null, owner: string | null): boolean {
  if (!profile || profile.role !== 'editor' || !owner) return false;
  return !sameActorName(profile.name, owner);
}
