import { useCallback, useEffect, useRef, useState } from 'react';
import { RoundUpdate, type DistributionRound } from '#domain/assistance/rounds';
import { api, ApiError } from '#web/api/client.ts';
import { roundPath, useRoundSaved } from './queries.ts';
import { draftKey, draftOf, roundUpdateBody, type RoundDraft } from './round-draft.ts';

/**
 * Where the draft stands against what is stored: `saved` (nothing changed), `unsaved` (changes the
 * preview already counts), `invalid` (the form needs correcting first), `saving`, `stale` (someone
 * else changed the round: reload it), `failed` (the save did not reach the server: try again).
 */
export type SaveState = 'saved' | 'unsaved' | 'invalid' | 'saving' | 'stale' | 'failed';

/**
 * A draft round being edited: what the form holds, and an explicit save at the version last
 * saved. Nothing is written until `save` (the preview counts the unsaved edits itself); closing
 * the tab with unsaved changes asks first (leaving by a link asks in the page, leave-guard.tsx).
 */
export function useRoundEditor(round: DistributionRound, editable: boolean) {
  const saved = useRoundSaved();
  const [draft, setDraft] = useState<RoundDraft>(() => draftOf(round));
  const [base, setBase] = useState(() => ({ version: round.version, key: draftKey(draftOf(round)) }));
  const [status, setStatus] = useState<'idle' | 'saving' | 'stale' | 'failed'>('idle');
  const [error, setError] = useState<unknown>(null);
  const latest = useRef(draft);
  latest.current = draft;
  const dirty = editable && draftKey(draft) !== base.key;
  const check = RoundUpdate.safeParse(roundUpdateBody(draft, base.version));
  const state: SaveState = status === 'saving' || status === 'stale' ? status
    : !dirty ? 'saved' : !check.success ? 'invalid' : status === 'failed' ? 'failed' : 'unsaved';

  const change = useCallback((changes: Partial<RoundDraft>) => {
    setDraft((d) => ({ ...d, ...changes }));
    setStatus((s) => (s === 'failed' ? 'idle' : s));
  }, []);

  /** Saves what the form holds now; the round as saved, or null when it could not be (the state says why). */
  const save = useCallback(async (): Promise<DistributionRound | null> => {
    const sent = latest.current;
    const parsed = RoundUpdate.safeParse(roundUpdateBody(sent, base.version));
    if (!parsed.success) return null;
    setStatus('saving');
    try {
      const next = await api<DistributionRound>(roundPath(round.id), { method: 'PATCH', body: parsed.data });
      setBase({ version: next.version, key: draftKey(sent) });
      setError(null);
      setStatus('idle');
      saved(next);
      return next;
    } catch (e) {
      setError(e);
      setStatus(e instanceof ApiError && e.status === 409 ? 'stale' : 'failed');
      return null;
    }
  }, [round.id, base.version, saved]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  return { draft, change, state, dirty, check, error, save, savedVersion: base.version };
}
export type RoundEditor = ReturnType<typeof useRoundEditor>;
