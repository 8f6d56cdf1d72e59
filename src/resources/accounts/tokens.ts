/** The JWTs that sign-in issues and sign-out revokes: signed with the store's secret. */
import type { Authenticator, Principal } from '../../pipeline/principal.js'
import { toEpochSeconds } from '../../internal/time.js'
import type { StoreContext } from '../../store/context.js'
import { createTokenSigner, type TokenSigner } from '../../store/jwt.js'
import { toUser } from './factory.js'
import { REVOKED_TOKEN_IDS, TOKEN_SECRET, USERS } from './users.js'

/** Tokens, as `mock.store` offers them. */
export interface TokenMethods extends Pick<Authenticator, 'authenticateToken'> {
  /** A signed HS256 JWT that authenticates as `userId` until it expires or is revoked. */
  issueToken(userId: number, options?: { expiresInSeconds?: number | undefined }): Promise<string>
  /** Revokes the JWT whose `jti` this is, as sign-out does: it answers 401 from then on. */
  revokeTokenId(tokenId: string): void
}

/** The accounts' token methods, over the store's users, signing secret and revoked ids. */
export function createTokenMethods(context: StoreContext): TokenMethods {
  const users = context.collection(USERS)
  const tokenSecret = context.state(TOKEN_SECRET)
  const revoked = context.state(REVOKED_TOKEN_IDS)
  let signer: { secret: string; signer: TokenSigner } | undefined

  /** The signer of the current secret (a restored snapshot may bring another). */
  function currentSigner(): TokenSigner {
    const secret = tokenSecret.get()
    if (signer?.secret !== secret) signer = { secret, signer: createTokenSigner(secret) }
    return signer.signer
  }

  function requireUser(userId: number): void {
    if (users.get(userId) === undefined)
      throw new Error(`Failed to find user ${userId}: no such user in the store`)
  }

  return {
    async issueToken(userId, tokenOptions = {}) {
      requireUser(userId)
      const { settings } = context
      const iat = toEpochSeconds(settings.now())
      // @note Still drawn, though not used: the seeded sequence of users created later stays
      // what it was when token ids came from it.
      context.faker().string.uuid()
      return currentSigner().sign({
        sub: String(userId),
        scp: 'user',
        iat,
        exp: iat + (tokenOptions.expiresInSeconds ?? settings.tokenTtlSeconds),
        jti: settings.generateTokenId?.() ?? crypto.randomUUID(),
      })
    },

    revokeTokenId(tokenId) {
      revoked.get().add(tokenId)
    },

    async authenticateToken(token) {
      const check = await currentSigner().verify(token, toEpochSeconds(context.settings.now()))
      if (!check.ok) return check
      // Order: signature, expiry (checked by `verify`), revocation, then the user.
      const tokenId = check.claims.jti
      if (typeof tokenId === 'string' && revoked.get().has(tokenId))
        return { ok: false, reason: 'revoked' }
      const user = users.get(Number(check.claims.sub))
      if (user === undefined || String(user.id) !== check.claims.sub)
        return { ok: false, reason: 'unknown-user' }
      const principal: Principal = { user: toUser(user), keyType: 'jwt' }
      if (typeof tokenId === 'string') principal.tokenId = tokenId
      return { ok: true, principal }
    },
  }
}
