import { notifications } from '@mantine/notifications';
import type { z } from 'zod';
import { isErrorKey, translateError } from '#web/i18n/errors.ts';
import { ApiError } from '#web/api/client.ts';
import { currentLang, i18next } from '#web/i18n/index.ts';

/** Field path (`members.1.givenName`) -> translated message. */
export type FieldErrors = Record<string, string>;

/** A sentence for a failed request: the server's translated detail, or a network message. */
export function problemMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return i18next.t('common.networkError');
    return error.problem.detail || error.problem.title || i18next.t('common.errorTitle');
  }
  return error instanceof Error && error.message ? error.message : i18next.t('common.errorTitle');
}

export function notifyError(error: unknown): void {
  notifications.show({ color: 'red', title: i18next.t('common.errorTitle'), message: problemMessage(error) });
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', message });
}

/** The server's field errors by path, keeping the first message per field. */
export function serverFieldErrors(error: unknown): FieldErrors {
  const out: FieldErrors = {};
  if (!(error instanceof ApiError)) return out;
  for (const { path, message } of error.fieldErrors) if (path && !(path in out)) out[path] = message;
  return out;
}

/** The zod message key for an issue: our own keys as given, zod's built-in codes mapped. */
function issueKey(issue: z.core.$ZodIssue): string {
  if (isErrorKey(issue.message)) return issue.message;
  if (issue.code === 'invalid_type') return issue.input === undefined || issue.input === null ? 'required' : 'invalid_type';
  if (issue.code === 'unrecognized_keys') return 'unknown_field';
  if (issue.code === 'too_small' || issue.code === 'too_big' || issue.code === 'invalid_value') return issue.code;
  return 'invalid';
}

/** Translates zod issues into field errors in the interface language. */
export function zodFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const lang = currentLang();
  const out: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    if (path in out) continue;
    out[path] = translateError(lang, issueKey(issue), issue as unknown as Record<string, unknown>);
  }
  return out;
}

/** Shows a failed save: messages beside the fields the server named, else a notification. */
export function showSaveError(error: unknown, setErrors: (errors: FieldErrors) => void): void {
  const fields = serverFieldErrors(error);
  if (Object.keys(fields).length) setErrors(fields);
  else notifyError(error);
}
