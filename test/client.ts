/** A small HTTP client for tests: keeps cookies, sends the CSRF header, returns status and JSON. */
export interface Response<T = any> { status: number; body: T; headers: Headers }

export class Client {
  cookies = new Map<string, string>();
  csrf: string | null = null;
  bearer: string | null = null;
  language = 'en';

  constructor(readonly base: string) {}

  async login(username: string, password: string, code?: string): Promise<Response> {
    const res = await this.request('POST', '/api/auth/login', { username, password, ...(code ? { code } : {}) });
    if (res.status === 200) this.csrf = res.body.user.csrfToken;
    return res;
  }

  get<T = any>(path: string, headers: Record<string, string> = {}) { return this.request<T>('GET', path, undefined, headers); }
  post<T = any>(path: string, body?: unknown, headers: Record<string, string> = {}) { return this.request<T>('POST', path, body, headers); }
  patch<T = any>(path: string, body?: unknown, headers: Record<string, string> = {}) { return this.request<T>('PATCH', path, body, headers); }
  delete<T = any>(path: string, headers: Record<string, string> = {}) { return this.request<T>('DELETE', path, undefined, headers); }

  async request<T = any>(method: string, path: string, body?: unknown, extra: Record<string, string> = {}): Promise<Response<T>> {
    const headers: Record<string, string> = { 'accept-language': this.language, ...extra };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (this.csrf && method !== 'GET' && !('x-csrf-token' in extra)) headers['x-csrf-token'] = this.csrf;
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    const res = await fetch(this.base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...value] = pair.split('=');
      if (/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value.join('='));
    }
    const text = await res.text();
    let parsed: unknown = text;
    try { parsed = text ? JSON.parse(text) : null; } catch { /* not JSON: keep the text */ }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }
}
