import type { ErrorKey } from '#domain/i18n/errors';

/** A field error before translation: where, which message key, and its parameters. */
export interface FieldError { path: string; key: string; params?: Record<string, unknown> }

/**
 * An error a client caused, raised by services and policies and turned into RFC 9457
 * problem+json in the client's language by the error handler.
 */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly key: ErrorKey,
    readonly options: { params?: Record<string, unknown>; errors?: FieldError[]; extra?: Record<string, unknown>; headers?: Record<string, string> } = {},
  ) {
    super(key);
  }
}

export const notFound = () => new Problem(404, 'problem.not_found');
export const forbidden = () => new Problem(403, 'problem.forbidden');
export const unauthorized = () => new Problem(401, 'problem.unauthorized');

/** A 422 for one or more fields that are well-formed but wrong against the data (unknown P-code...). */
export function invalidFields(errors: FieldError[]): Problem {
  return new Problem(422, 'problem.validation', { errors });
}

export function invalidField(path: string, key: ErrorKey, params?: Record<string, unknown>): Problem {
  return invalidFields([{ path, key, params }]);
}
