import { currentLang } from '#web/i18n/index.ts';

/**
 * The one way the web app talks to the server: JSON, the session cookie, the interface language
 * in Accept-Language (so problem messages come back translated) and the CSRF token on writes.
 */
export interface FieldProblem {
  path: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: FieldProblem[];
  mfaRequired?: boolean;
  current?: unknown;
  [key: string]: unknown;
}

/** A failed request: an RFC 9457 problem, or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.status = problem.status;
    this.problem = problem;
  }

  get fieldErrors(): FieldProblem[] {
    return this.problem.errors ?? [];
  }
}

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string | null | undefined): void {
  csrfToken = token ?? null;
}

/** Called when a request outside /api/auth gets 401: the session ended. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

function cookieCsrf(): string | null {
  const match = /(?:^|;\s*)amina_csrf=([^;]+)/.exec(document.cookie);
  return match ? decodeURIComponent(match[1]) : null;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  /** A file or form sent as it is (an upload), instead of a JSON body. */
  raw?: Blob | FormData;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

async function readProblem(res: Response): Promise<Problem> {
  const text = await res.text().catch(() => '');
  try {
    const parsed = JSON.parse(text) as Partial<Problem>;
    if (parsed && typeof parsed === 'object') return { ...parsed, status: res.status };
  } catch {
    // Not JSON (a proxy error page): fall through to a generic problem.
  }
  return { status: res.status, title: res.statusText, detail: res.statusText || `HTTP ${res.status}` };
}

/** Sends a request and returns the parsed JSON body (undefined for 204). Throws ApiError. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    'Accept': 'application/json',
    'Accept-Language': currentLang(),
    ...options.headers,
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') {
    const token = csrfToken ?? cookieCsrf();
    if (token) headers['X-CSRF-Token'] = token;
  }
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError({ status: 0, type: 'network' });
  }
  if (!res.ok) {
    const problem = await readProblem(res);
    if (res.status === 401 && !path.startsWith('/api/auth/')) onUnauthorized?.();
    throw new ApiError(problem);
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Builds a query string from defined, non-empty values. */
export function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
