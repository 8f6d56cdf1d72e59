/**
 * A `multipart/form-data` body written out byte for byte with a fixed boundary, so that the
 * same body can go through every transport (a `FormData` picks a random boundary each time).
 */

/** One part: a text field, or a file with its name and content. */
export type Part = [name: string, value: PartValue]
type PartValue = string | { filename: string; content: string }

/** The boundary the bodies use. */
export const BOUNDARY = 'voiceable-mock-test-boundary'

/** The `Content-Type` header of a body from `multipartBody`. */
export const MULTIPART_TYPE: [string, string] = [
  'Content-Type',
  `multipart/form-data; boundary=${BOUNDARY}`,
]

/** The body of `parts`, as a browser would send them. */
export function multipartBody(parts: readonly Part[]): string {
  const lines: string[] = []
  for (const [name, value] of parts) {
    lines.push(`--${BOUNDARY}`)
    if (typeof value === 'string') {
      lines.push(`Content-Disposition: form-data; name="${name}"`, '', value)
    } else {
      lines.push(
        `Content-Disposition: form-data; name="${name}"; filename="${value.filename}"`,
        'Content-Type: text/csv',
        '',
        value.content,
      )
    }
  }
  lines.push(`--${BOUNDARY}--`, '')
  return lines.join('\r\n')
}

/** The documented Create Campaign form (one number, a CSV file, sent at once), `changes` applied. */
export function campaignForm(changes: Record<string, PartValue | null> = {}): string {
  const fields: Record<string, PartValue> = {
    name: 'Hostile campaign',
    phone_number_id: '1',
    agent_id: '123',
    recipients_file: { filename: 'recipients.csv', content: 'phone_number\n+15550100001\n' },
    send_immediately: 'true',
  }
  for (const [name, value] of Object.entries(changes))
    if (value === null) delete fields[name]
    else fields[name] = value
  return multipartBody(Object.entries(fields))
}
