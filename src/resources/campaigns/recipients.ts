/**
 * Counting a campaign's recipients: the numbers of its CSV file (parsed by papaparse, loaded
 * only when a file arrives, so a page that never creates a campaign does not pay for it) and of
 * the web app's `manual_phone_numbers`.
 */
import * as z from 'zod'
import {
  PHONE_NUMBER_COLUMN,
  PHONE_NUMBER_PUNCTUATION,
  RECIPIENT_PHONE_NUMBER,
} from './defaults.js'
import { ManualRecipientSchema } from './schemas.js'

/** What reading recipients gives: how many numbers count, or why the input is refused. */
export type RecipientsResult =
  | { readonly ok: true; readonly count: number }
  | { readonly ok: false; readonly problem: 'invalid' | 'empty'; readonly detail?: string }

/** Whether a cell holds a number a call could be made to (`RECIPIENT_PHONE_NUMBER`). */
export function isRecipientNumber(cell: string | undefined): boolean {
  return (
    cell !== undefined && RECIPIENT_PHONE_NUMBER.test(cell.replace(PHONE_NUMBER_PUNCTUATION, ''))
  )
}

/**
 * The recipients of a CSV text: with a header row naming `phone_number`, that column's numbers;
 * else one number per line (the first column). A BOM, CRLF or CR line ends, quoted cells and
 * empty lines are read as RFC 4180 says; a broken quote is invalid, a file without a number empty.
 */
export async function countCsvRecipients(text: string): Promise<RecipientsResult> {
  const { default: Papa } = await import('papaparse')
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    delimiter: ',',
    skipEmptyLines: 'greedy',
  })
  const broken = parsed.errors.find((error) => error.type === 'Quotes')
  if (broken !== undefined)
    return {
      ok: false,
      problem: 'invalid',
      detail: `${broken.message.replace(/\.$/, '').toLowerCase()} in row ${(broken.row ?? 0) + 1}`,
    }
  const [first = [], ...rest] = parsed.data
  const header = first.findIndex((cell) => cell.trim().toLowerCase() === PHONE_NUMBER_COLUMN)
  const rows = header === -1 ? parsed.data : rest
  const column = Math.max(header, 0)
  const count = rows.filter((row) => isRecipientNumber(row[column])).length
  return count === 0 ? { ok: false, problem: 'empty' } : { ok: true, count }
}

/** The web app's `manual_phone_numbers`: a JSON array of `{name, phone_number, language}`. */
export function countManualRecipients(json: string): RecipientsResult {
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    return { ok: false, problem: 'invalid' }
  }
  const parsed = z.array(ManualRecipientSchema).safeParse(value)
  if (!parsed.success) return { ok: false, problem: 'invalid' }
  const count = parsed.data.filter((entry) => isRecipientNumber(entry.phone_number)).length
  return count === 0 ? { ok: false, problem: 'empty' } : { ok: true, count }
}
