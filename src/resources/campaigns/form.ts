/**
 * Reading the Create Campaign form as the Rails backend would read its `params`: the parts the docs
 * name and those the web app sends, each cast, every problem collected for one 422.
 */
import { ApiError } from '../../pipeline/envelope.js'
import type { BodyParams } from '../../pipeline/body.js'
import { SCHEDULE_DATE, SCHEDULE_TIME } from './defaults.js'
import { countCsvRecipients, countManualRecipients, type RecipientsResult } from './recipients.js'
import data from './resource.json' with { type: 'json' }
import type { CreateCampaignFields } from './store.js'

const MESSAGES = data.errorMessages

/** `ActiveModel::Type::Boolean` on a form value: blank is none, the false values false, else true. */
const FALSE_VALUES = new Set(['0', 'f', 'F', 'false', 'FALSE', 'off', 'OFF'])

/** A part's text: a text part as sent, a file's name never (a file is not text), else `undefined`. */
function textOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

/**
 * The numbers to call from, as ids: the web app's `phone_number_ids[]` or the documented
 * `phone_number_id`. @note An id that is not a whole number finds no record, as `find` does.
 */
export function phoneNumberIdsOf(params: BodyParams): number[] {
  const list = params['phone_number_ids']
  const texts = Array.isArray(list) ? list : [params['phone_number_id']]
  return texts.map((text) =>
    typeof text === 'string' && /^\d{1,15}$/.test(text.trim()) ? Number(text.trim()) : 0,
  )
}

/** The agent's id as sent, or `""`. */
export function agentIdOf(params: BodyParams): string {
  return textOf(params['agent_id'])?.trim() ?? ''
}

/** A schedule as ISO text in UTC (no time zone is sent), or the problems with it. */
function scheduleOf(params: BodyParams, problems: string[]): string | null {
  const date = textOf(params['schedule_date'])?.trim() ?? ''
  const time = textOf(params['schedule_time'])?.trim() ?? ''
  const before = problems.length
  if (date === '') problems.push(MESSAGES.scheduleDateBlank)
  else if (!SCHEDULE_DATE.test(date) || !isRealDay(date))
    problems.push(MESSAGES.scheduleDateInvalid)
  if (time === '') problems.push(MESSAGES.scheduleTimeBlank)
  else if (!SCHEDULE_TIME.test(time)) problems.push(MESSAGES.scheduleTimeInvalid)
  if (problems.length > before) return null
  return `${date}T${time.length === 5 ? `${time}:00` : time}Z`
}

function isRealDay(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`)
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(date)
}

/** Counts the recipients of the file and of the manual numbers, or the problems with them. */
async function recipientsOf(params: BodyParams, problems: string[]): Promise<number> {
  const file = params['recipients_file']
  const manual = textOf(params['manual_phone_numbers'])
  const csv = typeof file === 'string' ? file : file instanceof Blob ? await file.text() : undefined
  if ((csv === undefined || csv.trim() === '') && (manual === undefined || manual.trim() === '')) {
    problems.push(csv === undefined ? MESSAGES.recipientsBlank : MESSAGES.recipientsEmpty)
    return 0
  }
  const results: [RecipientsResult, string, string][] = []
  if (csv !== undefined)
    results.push([
      await countCsvRecipients(csv),
      MESSAGES.recipientsInvalid,
      MESSAGES.recipientsEmpty,
    ])
  if (manual !== undefined && manual.trim() !== '')
    results.push([
      countManualRecipients(manual),
      MESSAGES.manualRecipientsInvalid,
      MESSAGES.manualRecipientsEmpty,
    ])
  let count = 0
  for (const [result, invalid, empty] of results)
    if (result.ok) count += result.count
    else
      problems.push(
        result.problem === 'empty'
          ? empty
          : result.detail === undefined
            ? invalid
            : `${invalid} (${result.detail})`,
      )
  return count
}

/**
 * The campaign's fields from the form, once the agent and numbers are known to be the caller's;
 * every problem of the other fields in one 422, in the form's order.
 */
export async function readCampaignForm(
  params: BodyParams,
  senders: Pick<CreateCampaignFields, 'agent_id' | 'phone_number_ids'>,
): Promise<CreateCampaignFields> {
  const problems: string[] = []
  const name = textOf(params['name']) ?? ''
  if (name.trim() === '') problems.push(MESSAGES.nameBlank)
  const recipientsCount = await recipientsOf(params, problems)
  const flag = textOf(params['send_immediately'])?.trim() ?? ''
  if (flag === '') problems.push(MESSAGES.sendImmediatelyBlank)
  const sendImmediately = flag !== '' && !FALSE_VALUES.has(flag)
  const scheduledAt = flag !== '' && !sendImmediately ? scheduleOf(params, problems) : null
  if (problems.length > 0) throw new ApiError('validation_failed', problems)
  return {
    name,
    ...senders,
    recipients_count: recipientsCount,
    send_immediately: sendImmediately,
    scheduled_at: scheduledAt,
  }
}
