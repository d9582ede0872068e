import { useCallback, useRef, useState } from 'react';
import type { Candidate } from '#domain/dedup/api';

/**
 * What the clerk decided about the duplicates shown while registering. A likely duplicate on
 * screen stops the save until the clerk either opens that family or gives a reason to register
 * anyway; the reason goes with the registration as `duplicateReason`.
 */
export interface DuplicateDecision {
  candidates: Candidate[];
  setCandidates: (candidates: Candidate[]) => void;
  reason: string;
  setReason: (reason: string) => void;
  anyway: boolean;
  setAnyway: (anyway: boolean) => void;
  /** The clerk tried to save past a likely duplicate without a reason. */
  reasonMissing: boolean;
  panelRef: React.RefObject<HTMLDivElement | null>;
  /** False (and the reason asked for) when a likely duplicate is shown and no reason given. */
  beforeSubmit: () => boolean;
  /** The reason to send, if the clerk chose to register anyway. */
  duplicateReason: () => string | undefined;
  /** Forgets everything, for the next household. */
  reset: () => void;
}

export function useDuplicateDecision(): DuplicateDecision {
  const [candidates, setCandidates] = useState<Candidate[]>([]);
  const [reason, setReasonState] = useState('');
  const [anyway, setAnyway] = useState(false);
  const [reasonMissing, setReasonMissing] = useState(false);
  const panelRef = useRef<HTMLDivElement | null>(null);

  const setReason = useCallback((text: string) => {
    setReasonState(text);
    if (text.trim()) setReasonMissing(false);
  }, []);

  const beforeSubmit = () => {
    if (!candidates.some((c) => c.band === 'likely') || reason.trim()) return true;
    setAnyway(true);
    setReasonMissing(true);
    // After the reason field has rendered: show it and put the cursor in it.
    requestAnimationFrame(() => {
      panelRef.current?.scrollIntoView({ block: 'center' });
      panelRef.current?.querySelector<HTMLTextAreaElement>('textarea')?.focus({ preventScroll: true });
    });
    return false;
  };

  const duplicateReason = () => (anyway && reason.trim() && candidates.length > 0 ? reason.trim() : undefined);

  const reset = () => {
    setCandidates([]);
    setReasonState('');
    setAnyway(false);
    setReasonMissing(false);
  };

  return { candidates, setCandidates, reason, setReason, anyway, setAnyway, reasonMissing, panelRef, beforeSubmit, duplicateReason, reset };
}
