/**
 * The Voiceable web app's API client, reduced to the calls of its sign-in and API-keys screens and
 * written the way `src/lib/api.ts` sends them (voiceable-client-contract.md): `Content-Type:
 * application/json` on every request, `Authorization: Bearer <token>` whenever a token is stored
 * (on sign-in too: a stale token goes along), `credentials: 'include'`, `redirect: 'manual'` for
 * key deletes, a 204 or empty body read as `{}`, and the token dropped on a 401 whose message is
 * exactly "Authentication required.". Shared by the browser page and the demo-server test, so it
 * imports nothing and uses only what a browser has.
 */

/** A response as the app reads it. */
export interface AppAnswer {
  status: number
  body: any
}

/** Where the app keeps its token (`localStorage["auth_token"]` in the browser). */
export interface TokenStorage {
  get(): string | null
  set(token: string | null): void
}

/** What the key-creation dialog sends: empty arrays left out, `transient_assistant` for private keys. */
export interface AppKeyParams {
  key_type: 'private' | 'public'
  name: string
  allowed_origins?: string[]
  allowed_assistants?: string[]
  transient_assistant?: boolean
}

export interface AppClient {
  /** The token the app would send next, or `null` once it logged out. */
  token(): string | null | Promise<string | null>
  /** Plants a token, as one left in `localStorage` by an earlier session. */
  setToken(token: string | null): void | Promise<void>
  signIn(email: string, password: string): Promise<AppAnswer>
  currentUser(): Promise<AppAnswer>
  listAgents(): Promise<AppAnswer>
  listKeys(): Promise<AppAnswer>
  createKey(params: AppKeyParams): Promise<AppAnswer>
  deleteKey(id: number): Promise<AppAnswer>
  signOut(): Promise<AppAnswer>
}

/** `ApiKeys.tsx`'s `maskKey`: it reads the listed secret as a string (a `null` throws). */
export function maskKey(key: string): string {
  if (key.length <= 12) return key
  return `${key.slice(0, 8)}${'•'.repeat(key.length - 12)}${key.slice(-4)}`
}

export function createAppClient(
  baseUrl: string,
  fetchImpl: typeof fetch,
  storage: TokenStorage,
): AppClient {
  async function request(
    method: string,
    path: string,
    body?: unknown,
    redirect: RequestRedirect = 'follow',
  ): Promise<AppAnswer> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' }
    const token = storage.get()
    if (token !== null) headers['Authorization'] = `Bearer ${token}`
    const response = await fetchImpl(`${baseUrl}${path}`, {
      method,
      headers,
      credentials: 'include',
      redirect,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const empty = response.status === 204 || response.headers.get('content-length') === '0'
    const parsed: any = empty ? {} : await response.json()
    if (response.status === 401 && parsed?.status?.message === 'Authentication required.')
      storage.set(null)
    return { status: response.status, body: parsed }
  }

  return {
    token: () => storage.get(),
    setToken: (token) => storage.set(token),
    async signIn(email, password) {
      const answer = await request('POST', '/auth/sign_in', { user: { email, password } })
      if (typeof answer.body?.token === 'string') storage.set(answer.body.token)
      return answer
    },
    currentUser: () => request('GET', '/user/current'),
    listAgents: () => request('GET', '/agents?page_size=10&offset=0'),
    listKeys: () => request('GET', '/api_keys'),
    createKey: (params) => request('POST', '/api_keys', { api_key: params }),
    deleteKey: (id) => request('DELETE', `/api_keys/${id}`, undefined, 'manual'),
    signOut: () => request('DELETE', '/auth/sign_out'),
  }
}
