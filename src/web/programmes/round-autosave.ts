import { useCallback, useEffect, useRef, useState } from 'react';
import { RoundUpdate, type DistributionRound } from '#domain/assistance/rounds';
import { api, ApiError } from '#web/api/client.ts';
import { roundPath, useRoundSaved } from './queries.ts';
import { draftOf, roundUpdateBody, type RoundDraft } from './round-draft.ts';

export type SaveState = 'saved' | 'pending' | 'saving' | 'invalid' | 'stale' | 'failed';

const AUTOSAVE_MS = 800;
const keyOf = (d: RoundDraft) => JSON.stringify(roundUpdateBody(d, 0));

/**
 * Saves a draft round a moment after each change, at the version last saved, so that nothing
 * typed is lost and the preview (of the stored draft) follows the editing. A draft the schema
 * refuses is not sent (its errors are shown); a change made elsewhere meanwhile stops saving
 * (`stale`) until the page reloads the round. `flush` saves now (before submitting).
 */
export function useRoundAutosave(round: DistributionRound, draft: RoundDraft, editable: boolean) {
  const saved = useRoundSaved();
  const version = useRef(round.version);
  const savedKey = useRef(keyOf(draftOf(round)));
  const latest = useRef({ draft, round });
  latest.current.draft = draft;
  const inFlight = useRef<Promise<DistributionRound | null> | null>(null);
  const [state, setState] = useState<SaveState>('saved');
  const [error, setError] = useState<unknown>(null);
  const key = keyOf(draft);
  const dirty = key !== savedKey.current;
  const check = RoundUpdate.safeParse(roundUpdateBody(draft, version.current));

  const flush = useCallback(async (): Promise<DistributionRound | null> => {
    if (inFlight.current) await inFlight.current;
    const sent = latest.current.draft;
    const sentKey = keyOf(sent);
    if (sentKey === savedKey.current) return latest.current.round;
    const parsed = RoundUpdate.safeParse(roundUpdateBody(sent, version.current));
    if (!parsed.success) {
      setState('invalid');
      return null;
    }
    setState('saving');
    const request = api<DistributionRound>(roundPath(round.id), { method: 'PATCH', body: parsed.data })
      .then((next) => {
        version.current = next.version;
        savedKey.current = sentKey;
        latest.current.round = next;
        saved(next);
        setError(null);
        setState(keyOf(latest.current.draft) === sentKey ? 'saved' : 'pending');
        return next;
      })
      .catch((e: unknown) => {
        setError(e);
        setState(e instanceof ApiError && e.status === 409 ? 'stale' : 'failed');
        return null;
      })
      .finally(() => { inFlight.current = null; });
    inFlight.current = request;
    return request;
  }, [round.id, saved]);

  useEffect(() => {
    if (!editable || !dirty || state === 'stale') return;
    if (!check.success) {
      setState('invalid');
      return;
    }
    setState((s) => (s === 'saving' ? s : 'pending'));
    const timer = setTimeout(() => void flush(), AUTOSAVE_MS);
    return () => clearTimeout(timer);
    // The draft's content decides, not its identity.
  }, [key, editable, state === 'stale', state === 'saving']);

  // Leaving the page saves what is still waiting; closing the tab meanwhile asks first.
  const onLeave = useRef(() => {});
  onLeave.current = () => {
    if (editable && keyOf(latest.current.draft) !== savedKey.current) void flush();
  };
  useEffect(() => () => onLeave.current(), []);
  useEffect(() => {
    if (!editable || !dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [editable, dirty]);

  return { state, error, dirty, check, flush };
}
