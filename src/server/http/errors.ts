import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isErrorKey, pickLocale, translateError, type Locale } from '#domain/i18n/errors';
import { Problem, type FieldError } from './problem.ts';

const TYPE_BASE = 'https://amina.example/problems/';

/** zod issue (from the type provider) -> field error with a catalogue key. */
function zodIssueToField(issue: { instancePath: string; keyword: string; message?: string; params?: any }, prefix: string): FieldError {
  const path = [prefix, ...issue.instancePath.split('/').filter(Boolean)].filter(Boolean).join('.');
  const message = issue.message ?? '';
  if (isErrorKey(message)) return { path, key: message, params: issue.params };
  const params = issue.params ?? {};
  switch (issue.keyword) {
    case 'invalid_type':
      return { path, key: params.input === undefined ? 'required' : 'invalid_type' };
    case 'too_small':
      return { path, key: params.origin === 'string' && params.minimum === 1 ? 'required' : 'too_small', params };
    case 'too_big':
      return { path, key: 'too_big', params };
    case 'invalid_value':
      return { path, key: 'invalid_value' };
    case 'unrecognized_keys':
      return { path, key: 'unknown_field', params: { keys: (params.keys ?? []).join(', ') } };
    default:
      return { path, key: 'invalid' };
  }
}

function send(reply: FastifyReply, locale: Locale, status: number, key: string, extra: Record<string, unknown> = {}) {
  const slug = key.replace(/^problem\./, '').replace(/[._]/g, '-');
  return reply
    .status(status)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .header('content-language', locale)
    .send({ type: `${TYPE_BASE}${slug}`, title: translateError('en', key), status, detail: translateError(locale, key, extra.params as any), ...extra, params: undefined });
}

function translateFields(locale: Locale, errors: FieldError[]) {
  return errors.map((e) => ({ path: e.path, code: e.key, message: translateError(locale, e.key, e.params) }));
}

/** Statuses Fastify raises for malformed requests, mapped to our messages. */
function frameworkKey(error: FastifyError): { status: number; key: string } | null {
  // A unique or foreign-key violation here is a race between two writers: a conflict, not a crash.
  if (error.code === '23505' || error.code === '23503') return { status: 409, key: 'problem.conflict' };
  const status = error.statusCode ?? 500;
  if (status === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return { status: 413, key: 'problem.too_large' };
  if (status === 415) return { status: 415, key: 'problem.unsupported_media' };
  if (status === 429) return { status: 429, key: 'problem.rate_limited' };
  if (status >= 400 && status < 500) return { status, key: status === 404 ? 'problem.not_found' : 'problem.bad_request' };
  return null;
}

/** Every error leaves as problem+json in the client's language; nothing a client sends is a 500. */
export function installErrorHandlers(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const locale = pickLocale(request.headers['accept-language']);
    if (error instanceof Problem) {
      const { params, errors, extra, headers } = error.options;
      if (headers) reply.headers(headers);
      return send(reply, locale, error.status, error.key, {
        ...extra, params, ...(errors ? { errors: translateFields(locale, errors) } : {}),
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const prefix = error.validationContext === 'body' ? '' : error.validationContext ?? '';
      const fields = error.validation.map((issue) => zodIssueToField(issue as any, prefix === 'querystring' ? '' : prefix));
      return send(reply, locale, 400, 'problem.validation', { errors: translateFields(locale, fields) });
    }
    const known = frameworkKey(error);
    if (known) return send(reply, locale, known.status, known.key);
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, locale, 500, 'problem.server');
  });
}

/** 404 as problem+json in the client's language. */
export function sendNotFound(request: FastifyRequest, reply: FastifyReply) {
  return send(reply, pickLocale(request.headers['accept-language']), 404, 'problem.not_found');
}
