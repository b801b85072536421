// Runs in: renderer. Whether the comment margin is on screen: a wide window, and not focus writing
// (which hides everything but the headline and the body).
import { useStores } from '../../stores/stores-context';
import { useCommentMarginFits } from './comment-margin-fits';

export function useCommentMarginShown(): boolean {
  const { ui } = useStores();
  const focusWriting = ui((s) => s.focusWriting);
  return useCommentMarginFits() && !focusWriting;
}
