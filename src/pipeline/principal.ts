/**
 * Who a request acts as, and how the pipeline asks the store about credentials: the store's
 * accounts and API keys answer (`resources/accounts`, `resources/api-keys`).
 */
import type { User } from '../resources/accounts/schemas.js'

/** The identity a credential resolves to. `apiKeyId` is absent for JWTs; `tokenId` is a JWT's `jti`. */
export interface Principal {
  user: User
  keyType: 'private' | 'public' | 'jwt'
  apiKeyId?: number
  /** The `jti` of the JWT among the credentials (the one sign-out revokes), when there is one. */
  tokenId?: string
}

/** Why a JWT does not authenticate. */
export type TokenFailure = 'malformed' | 'signature' | 'expired' | 'unknown-user' | 'revoked'

/** What the pipeline needs of the store to authenticate a request. */
export interface Authenticator {
  /** Resolves an API-key secret to its owner, or `undefined` if unknown or revoked. */
  authenticateKeyValue(keyValue: string): Principal | undefined
  /** Resolves a JWT to its user; says why when it does not. */
  authenticateToken(
    token: string,
  ): Promise<{ ok: true; principal: Principal } | { ok: false; reason: TokenFailure }>
}
