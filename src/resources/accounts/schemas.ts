/**
 * Accounts on the wire: users, and the bodies of sign in, sign up, sign out and the current user,
 * as the Voiceable web app sends and reads them (`voiceable-client-contract.md`).
 */
import * as z from 'zod'
import { Id, StatusSchema, Timestamp } from '../../pipeline/wire.js'

/** `user`, `admin` or `enterprise` (the web app shows API keys to `enterprise` users only). */
export const RoleSchema = z.enum(['user', 'admin', 'enterprise'])
export type Role = z.infer<typeof RoleSchema>

/** A user's membership, as the web app types it (`AuthContext.tsx:7`). */
export const MembershipStatusSchema = z.enum([
  'trial',
  'active',
  'expired',
  'cancelled',
  'suspended',
  'free',
])
export type MembershipStatus = z.infer<typeof MembershipStatusSchema>

/**
 * A user as the API sends it (sign in, sign up, current user), fields in the order the web app
 * reads them (`AuthContext.tsx:115-133`). Never with a password.
 */
export const UserSchema = z.strictObject({
  id: Id,
  email: z.string(),
  role: RoleSchema,
  membership_status: MembershipStatusSchema,
  created_at: Timestamp,
  updated_at: Timestamp,
})
export type User = z.infer<typeof UserSchema>

/** A user as the store and snapshots keep it: with the password (demo data, never sent). */
export const UserRecordSchema = UserSchema.extend({ password: z.string().min(1) })
export type UserRecord = z.infer<typeof UserRecordSchema>

/** `POST /auth/sign_in` → 200 and `POST /auth/sign_up` → 201: the user, then the JWT. */
export const AuthResponseSchema = z.strictObject({
  status: StatusSchema,
  data: UserSchema,
  token: z.string(),
})
export type AuthResponse = z.infer<typeof AuthResponseSchema>

/** `DELETE /auth/sign_out` → 200: `status` only. */
export const SignOutResponseSchema = z.strictObject({ status: StatusSchema })
export type SignOutResponse = z.infer<typeof SignOutResponseSchema>

/** `GET /user/current` → 200. */
export const CurrentUserResponseSchema = z.strictObject({ status: StatusSchema, data: UserSchema })
export type CurrentUserResponse = z.infer<typeof CurrentUserResponseSchema>

/**
 * `POST /auth/sign_in` request body. Missing or non-string fields are not a 422 but the same 401
 * as a wrong password (Devise's `Invalid Email or password.`).
 */
export const SignInRequestSchema = z.object({
  user: z.object({ email: z.string(), password: z.string() }),
})
export type SignInRequest = z.input<typeof SignInRequestSchema>

/**
 * `POST /auth/sign_up` request body. The shape only: the endpoint validates it as Devise's
 * `validatable` does, in Devise's order, with the store's uniqueness check in the middle.
 */
export const SignUpRequestSchema = z.object({
  user: z.object({
    email: z.string(),
    password: z.string(),
    password_confirmation: z.string().optional(),
  }),
})
export type SignUpRequest = z.input<typeof SignUpRequestSchema>
