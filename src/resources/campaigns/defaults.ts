/** Campaigns where the docs are silent: each is a row of docs/fidelity.md. */

/** The seeded stream generated campaigns draw from (no other resource's). */
export const CAMPAIGNS_STREAM = 11

/** The `status` of a created campaign (documented: the Create example answers `pending`). */
export const CREATED_STATUS = 'pending'

/**
 * The statuses generated campaigns take: the documented `pending` and `completed`, and those the
 * web app's Outbound screen shows a badge for.
 */
export const GENERATED_STATUSES = [
  'pending',
  'scheduled',
  'running',
  'completed',
  'failed',
] as const

/** How many campaigns each generated user has (a campaign or two, when they have an agent). */
export const CAMPAIGNS_PER_USER = { min: 1, max: 2 } as const

/**
 * The CSV column that holds the numbers when the first row names it (the documented example's
 * header `phone_number`, and the web app's template `name,phone_number,language`), matched
 * without regard to case or surrounding spaces. Without it, the file is one number per line and
 * the first column is the number.
 */
export const PHONE_NUMBER_COLUMN = 'phone_number'

/**
 * What a recipient's number must look like to count: an optional `+` and 7 to 15 digits once
 * spaces, dots, dashes and parentheses are taken out. Rows whose number does not are not counted
 * (a real batch call would fail them); a file with none is 422.
 */
export const RECIPIENT_PHONE_NUMBER = /^\+?\d{7,15}$/

/** What is taken out of a recipient's number before it is checked. */
export const PHONE_NUMBER_PUNCTUATION = /[\s().-]/g

/** `schedule_time` as the docs (`HH:MM:SS`) and the web app (`HH:MM`) send it. */
export const SCHEDULE_TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/

/** `schedule_date`: `YYYY-MM-DD`, a real day. */
export const SCHEDULE_DATE = /^\d{4}-\d{2}-\d{2}$/
