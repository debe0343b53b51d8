/** A response body as tests read it: loosely, because the assertions check its shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;

/** A signed-in API caller for tests: keeps the session cookie and sends the CSRF header. */
export interface ApiClient {
  cookie: string;
  get(path: string): Promise<{ status: number; body: Loose }>;
  post(path: string, body?: unknown): Promise<{ status: number; body: Loose }>;
  put(path: string, body?: unknown): Promise<{ status: number; body: Loose }>;
  delete(path: string): Promise<{ status: number; body: Loose }>;
}

async function call(baseUrl: string, method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<{ status: number; body: Loose }> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'x-requested-with': 'switchboard', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

export function clientWith(baseUrl: string, headers: Record<string, string>): ApiClient {
  return {
    cookie: headers.cookie ?? '',
    get: (path) => call(baseUrl, 'GET', path, headers),
    post: (path, body) => call(baseUrl, 'POST', path, headers, body ?? {}),
    put: (path, body) => call(baseUrl, 'PUT', path, headers, body ?? {}),
    delete: (path) => call(baseUrl, 'DELETE', path, headers),
  };
}

export async function signIn(baseUrl: string, credentials: { email: string; password: string }): Promise<ApiClient> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'switchboard' },
    body: JSON.stringify(credentials),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${credentials.email} failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return clientWith(baseUrl, { cookie });
}

/** Signs in as admin, creates a user with this role, and signs in as them. */
export async function createUserAndSignIn(admin: ApiClient, baseUrl: string, input: { email: string; name: string; role: 'admin' | 'analyst' | 'operator' }): Promise<{ client: ApiClient; id: string }> {
  const password = 'operator-password-1';
  const created = await admin.post('/api/users', { ...input, password });
  if (created.status !== 201) throw new Error(`creating ${input.email} failed: ${JSON.stringify(created.body)}`);
  return { client: await signIn(baseUrl, { email: input.email, password }), id: created.body.user.id };
}
