/**
 * Devise's validation messages for sign-up (`validatable`, Rails' `errors.full_messages`), in the
 * order Devise runs them.
 */
export const SIGN_UP_MESSAGES = {
  emailBlank: "Email can't be blank",
  emailTaken: 'Email has already been taken',
  emailInvalid: 'Email is invalid',
  passwordBlank: "Password can't be blank",
  confirmationMismatch: "Password confirmation doesn't match Password",
  passwordTooShort: (min: number): string => `Password is too short (minimum is ${min} characters)`,
  passwordTooLong: (max: number): string => `Password is too long (maximum is ${max} characters)`,
  /** Devise's `update_with_password`: a blank current password, and a wrong one. */
  currentPasswordBlank: "Current password can't be blank",
  currentPasswordInvalid: 'Current password is invalid',
} as const
