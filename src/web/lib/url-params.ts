import { useSearchParams } from 'react-router';

export type ParamChanges = Record<string, string | number | null | undefined>;

/**
 * Filters kept in the address, so Back and shared links keep them. `update` sets the given keys
 * (empty values remove them) from the current address, not from this render, so quick
 * successive changes all stick; `defaults` are left out of the address.
 */
export function useUrlParams(defaults: ParamChanges = {}) {
  const [params, setParams] = useSearchParams();
  const update = (changes: ParamChanges, options: { resetPage?: boolean } = {}) => {
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [key, value] of Object.entries(changes)) {
        if (value === null || value === undefined || value === '' || defaults[key] === value) next.delete(key);
        else next.set(key, String(value));
      }
      if (options.resetPage && !('page' in changes)) next.delete('page');
      return next;
    }, { replace: true });
  };
  return { params, update };
}
