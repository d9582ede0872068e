import { useMe } from '#web/auth/session.tsx';
import { registryOption } from '#web/lib/labels.ts';

/**
 * Registries a clerk may register into: their own organisation's (the server refuses any other
 * with `registry.not_yours`; data-sharing agreements may widen this later).
 */
export function useRegistries(): { value: string; label: string }[] {
  const me = useMe();
  return [registryOption(me.organization)];
}
