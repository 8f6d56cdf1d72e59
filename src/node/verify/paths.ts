/**
 * Paths of the endpoint table made concrete: each `:param` filled with an id from the answer of
 * the list at the path before it (`/agents/:agentId` takes the first id `GET /agents` lists), or
 * with an id that cannot exist.
 */

/**
 * An id no record has: the largest PostgreSQL `integer`, a valid id for an `integer` or `bigint`
 * column (so a lookup answers 404, not an overflow), and far past any test account's records.
 */
export const MISSING_ID = '2147483647'

/** The `:param` names of a path, in order: `/agents/:agentId` → `['agentId']`. */
export function paramsOf(template: string): string[] {
  return template
    .split('/')
    .filter((segment) => segment.startsWith(':'))
    .map((segment) => segment.slice(1))
}

/** The path with its params filled in (percent-encoded); params without a value stay as `{name}`. */
export function fillPath(template: string, values: Readonly<Record<string, string>>): string {
  return template
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return segment
      const value = values[segment.slice(1)]
      return value === undefined ? `{${segment.slice(1)}}` : encodeURIComponent(value)
    })
    .join('/')
}

/** The path as the docs write it: `/api_keys/{id}`. */
export function displayTemplate(template: string): string {
  return template.replace(/:(\w+)/g, '{$1}')
}

/** The path before a param: `/agents/:agentId/numbers/:numberId`, `numberId` → `/agents/:agentId/numbers`. */
export function listPathOf(template: string, param: string): string {
  return template.slice(0, template.indexOf(`/:${param}`))
}

function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)
}

/**
 * The id a list item gives a param: its field named like the param in snake case
 * (`conversationId` → `conversation_id`), else its `id`; `undefined` when neither is a string or
 * a number.
 */
export function idOf(item: unknown, param: string): string | undefined {
  if (typeof item !== 'object' || item === null) return undefined
  const record = item as Record<string, unknown>
  const id = Object.hasOwn(record, snakeCase(param)) ? record[snakeCase(param)] : record['id']
  return typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id))
    ? String(id)
    : undefined
}

/**
 * A list answer's items: `data`, or `data.data` where a list answers one level down (escalations,
 * as the web app reads them); `undefined` when neither is a list.
 */
export function listItemsOf(body: unknown): unknown[] | undefined {
  const data = (body as { data?: unknown } | null | undefined)?.data
  if (Array.isArray(data)) return data as unknown[]
  const nested = (data as { data?: unknown } | null | undefined)?.data
  return Array.isArray(nested) ? (nested as unknown[]) : undefined
}

/** The items of a list at a concrete path, or why there are none to take an id from. */
export type Lister = (
  listTemplate: string,
  listPath: string,
) => Promise<readonly unknown[] | { readonly reason: string }>

/**
 * A path with real ids, each from the first item of the list before it; with `lastMissing`, the
 * last param is `MISSING_ID` instead. Resolves with why not when a list cannot give an id.
 */
export async function resolvePath(
  template: string,
  list: Lister,
  lastMissing: boolean,
): Promise<{ readonly path: string } | { readonly reason: string }> {
  const params = paramsOf(template)
  const values: Record<string, string> = {}
  for (const [index, param] of params.entries()) {
    if (lastMissing && index === params.length - 1) {
      values[param] = MISSING_ID
      break
    }
    const listTemplate = listPathOf(template, param)
    const listPath = fillPath(listTemplate, values)
    const items = await list(listTemplate, listPath)
    if (!Array.isArray(items)) return items as { reason: string }
    const id = items.map((item) => idOf(item, param)).find((found) => found !== undefined)
    if (id === undefined) return { reason: `GET ${listPath} listed nothing to take an id from` }
    values[param] = id
  }
  return { path: fillPath(template, values) }
}

/** The path with every param `MISSING_ID`. */
export function missingPath(template: string): string {
  return fillPath(template, Object.fromEntries(paramsOf(template).map((p) => [p, MISSING_ID])))
}
