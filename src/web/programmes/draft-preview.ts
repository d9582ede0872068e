import { useDebouncedValue } from '@mantine/hooks';
import { RoundPreviewInput, type DistributionRound } from '#domain/assistance/rounds';
import { ApiError } from '#web/api/client.ts';
import { usePreview, type PreviewEdits } from './queries.ts';
import { previewBody, type RoundDraft } from './round-draft.ts';

/** How long the editor waits after a change before previewing it (typing "120" is one change, not three). */
export const PREVIEW_DELAY_MS = 400;

/**
 * The preview of what the editor holds, saved or not, a moment after each change (a draft its
 * manager edits); else of the round as stored. Nothing is saved for it. `pending`: the form has
 * changes the preview does not show yet; `invalid`: the form needs correcting before it can be
 * previewed; `fieldErrors`: what the server found wrong against the data (a closed point...).
 */
export function useDraftPreview(round: DistributionRound, draft: RoundDraft, editable: boolean) {
  const key = editable ? JSON.stringify(previewBody(draft)) : null;
  const [settled] = useDebouncedValue(key, PREVIEW_DELAY_MS);
  // A round that just left its draft is previewed as stored at once, not with the last edits.
  const edits = editable && settled !== null ? (JSON.parse(settled) as PreviewEdits) : null;
  const settledValid = edits === null || RoundPreviewInput.safeParse(edits).success;
  const preview = usePreview(round, edits, settledValid);
  const invalid = editable && !RoundPreviewInput.safeParse(previewBody(draft)).success;
  const rejected = preview.error instanceof ApiError && preview.error.status === 422 ? preview.error : null;
  return { preview, pending: key !== settled, invalid: invalid || rejected !== null, rejected };
}
