/**
 * Accounts on the wire: users, and the bodies of sign in, sign up, sign out and the current user,
 * as the Voiceable web app sends and reads them (`voiceable-client-contract.md`).
 */
import * as z from 'zod'
import { envelopeOf, statusOnly } from '../../pipeline/wire.js'
import { Id, Timestamp } from '../../pipeline/wire.js'

/** `user`, `admin` or `enterprise` (the web app shows API keys to `enterprise` users only). */
export const RoleSchema = z.enum(['user', 'admin', 'enterprise'])

/** A user's membership, as the web app types it (`AuthContext.tsx:7`). */
export const MembershipStatusSchema = z.enum([
  'trial',
  'active',
  'expired',
  'cancelled',
  'suspended',
  'free',
])

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

/**
 * The user as `GET /user/current` sends it: the user, then whether they have closed the
 * assistant page's product tour (`PATCH /user/tour_completion`). Real-client evidence
 * (`AssistantDetail.tsx:843-846` reads it from this call only), so sign-in keeps its six fields.
 */
export const CurrentUserSchema = UserSchema.extend({
  assistant_detail_tour_completed: z.boolean(),
})

/**
 * A user as the store and snapshots keep it: with the password (demo data, never sent). A
 * snapshot written before the tour flag existed is upgraded on load (`legacy.ts`).
 */
export const UserRecordSchema = CurrentUserSchema.extend({ password: z.string().min(1) })

/** `POST /auth/sign_in` → 200 and `POST /auth/sign_up` → 201: the user, then the JWT. */
export const AuthResponseSchema = envelopeOf(UserSchema, { token: z.string() })

/** `DELETE /auth/sign_out` → 200: `status` only. */
export const SignOutResponseSchema = statusOnly()

/** `GET /user/current` → 200. */
export const CurrentUserResponseSchema = envelopeOf(CurrentUserSchema)

/**
 * `POST /auth/sign_in` request body. Missing or non-string fields are not a 422 but the same 401
 * as a wrong password (Devise's `Invalid Email or password.`).
 */
export const SignInRequestSchema = z.object({
  user: z.object({ email: z.string(), password: z.string() }),
})

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

/** `PATCH /user/tour_completion` → 200: the user, now with the tour completed. */
export const TourCompletionResponseSchema = envelopeOf(CurrentUserSchema)

/**
 * `PUT /user/password` request body, as the web app sends it (`api.ts:391-399`): Devise's
 * `update_with_password` fields. The shape only: the endpoint checks them as Devise does.
 */
export const ChangePasswordRequestSchema = z.object({
  user: z.object({
    current_password: z.string(),
    password: z.string(),
    password_confirmation: z.string().optional(),
  }),
})

/** `PUT /user/password` → 200: `status` only (the web app reads nothing else). */
export const ChangePasswordResponseSchema = statusOnly()

// The types, each inferred from the schema of its name.
export type Role = z.infer<typeof RoleSchema>
export type MembershipStatus = z.infer<typeof MembershipStatusSchema>
export type User = z.infer<typeof UserSchema>
export type CurrentUser = z.infer<typeof CurrentUserSchema>
export type UserRecord = z.infer<typeof UserRecordSchema>
export type AuthResponse = z.infer<typeof AuthResponseSchema>
export type SignOutResponse = z.infer<typeof SignOutResponseSchema>
export type CurrentUserResponse = z.infer<typeof CurrentUserResponseSchema>
export type SignInRequest = z.input<typeof SignInRequestSchema>
export type SignUpRequest = z.input<typeof SignUpRequestSchema>
export type ChangePasswordRequest = z.input<typeof ChangePasswordRequestSchema>
