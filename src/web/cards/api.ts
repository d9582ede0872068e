import { useQuery } from '@tanstack/react-query';
import type { Card, PrintableCard } from '#domain/assistance/distribution';
import { api } from '#web/api/client.ts';
import type { Items } from '#web/api/types.ts';

/** A household's cards (the valid one and those it replaced). */
export function useCards(householdId: string) {
  return useQuery({
    queryKey: ['cards', householdId],
    queryFn: () => api<Items<Card>>(`/api/households/${encodeURIComponent(householdId)}/cards`).then((r) => r.items),
  });
}

export const currentCardKey = (householdId: string) => ['card-current', householdId] as const;

/** The valid card as it is printed (its token for the QR code), to print it again. */
export function useCurrentCard(householdId: string) {
  return useQuery({
    queryKey: currentCardKey(householdId),
    queryFn: () => api<PrintableCard>(`/api/households/${encodeURIComponent(householdId)}/cards/current`),
  });
}

/** Issues a card; with a valid card already, the old one is revoked for `reason`. */
export function printNewCard(householdId: string, reason: string | null) {
  return api<PrintableCard>(`/api/households/${encodeURIComponent(householdId)}/cards`, { method: 'POST', body: { reason } });
}
