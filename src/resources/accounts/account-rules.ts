/**
 * Devise's `validatable` rules for an account, in one place: sign-up applies them to a request
 * (and words each problem as Devise does), the store's calls apply them to their arguments.
 */
import { EMAIL_FORMAT, PASSWORD_LENGTH } from './defaults.js'

/** An email as Devise compares and stores it: surrounding whitespace stripped, lower case. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}

/** Whether an email is well formed (Devise's `email_regexp`: one `@`, no whitespace). */
export function isWellFormedEmail(email: string): boolean {
  return EMAIL_FORMAT.test(email)
}

/** What is wrong with a password, if anything. */
export type PasswordProblem = 'blank' | 'too-short' | 'too-long'

/**
 * Checks a password as Devise does: present and not blank, then `PASSWORD_LENGTH` characters.
 * @example findPasswordProblem('12345') // 'too-short'
 */
export function findPasswordProblem(password: string | undefined): PasswordProblem | undefined {
  if (password === undefined || password.trim() === '') return 'blank'
  // Ruby counts characters, not UTF-16 units.
  const length = [...password].length
  if (length < PASSWORD_LENGTH.min) return 'too-short'
  if (length > PASSWORD_LENGTH.max) return 'too-long'
  return undefined
}
