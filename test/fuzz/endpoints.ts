/**
 * The endpoints to fuzz, read from the OpenAPI document the build ships (itself derived from the
 * endpoint table), so a resource added to `src/resources/index.ts` is fuzzed with no change here.
 */
import { readFileSync } from 'node:fs'
import { BASE_PATH, CALLER_KEY, type FuzzTarget } from './harness.js'

interface Operation {
  parameters?: ({ $ref: string } | { in: string; name: string })[]
  requestBody?: { content?: Record<string, unknown> }
}

export interface FuzzEndpoint {
  method: string
  /** As the document writes it, e.g. `/agents/{agentId}`. */
  template: string
  /** The media types its body is documented in (`application/json`, `multipart/form-data`). */
  mediaTypes: string[]
  /** Its query parameters. */
  query: string[]
}

const document = JSON.parse(
  readFileSync(new URL('../../dist/openapi.json', import.meta.url), 'utf8'),
) as { paths: Record<string, Record<string, Operation>> }

export const ENDPOINTS: readonly FuzzEndpoint[] = Object.entries(document.paths).flatMap(
  ([template, operations]) =>
    Object.entries(operations).flatMap(([method, operation]) =>
      typeof operation !== 'object' || !/^(get|post|put|patch|delete)$/.test(method)
        ? []
        : [
            {
              method: method.toUpperCase(),
              template,
              mediaTypes: Object.keys(operation.requestBody?.content ?? {}),
              query: (operation.parameters ?? []).flatMap((parameter) =>
                'in' in parameter && parameter.in === 'query' ? [parameter.name] : [],
              ),
            },
          ],
    ),
)

/** Endpoints that take a body. */
export const BODY_ENDPOINTS = ENDPOINTS.filter((endpoint) => endpoint.mediaTypes.length > 0)

const snake = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)

/**
 * The template with each `{param}` set to one of user 1's records, read from the list above it
 * (`/agents/{agentId}` takes the first agent's `agent_id` or `id`), or `1` when there is none.
 */
export async function concretePath(target: FuzzTarget, template: string): Promise<string> {
  let path = template
  for (const match of template.matchAll(/\{(\w+)\}/g)) {
    const list = template.slice(0, match.index).replace(/\/$/, '')
    let value = '1'
    const response = await target.send({
      method: 'GET',
      path: `${BASE_PATH}${list}`,
      headers: [['X-API-Key', CALLER_KEY]],
    })
    if (response.status === 200) {
      const first = (JSON.parse(response.text) as { data?: Record<string, unknown>[] }).data?.[0]
      const field = snake(match[1] as string)
      const found = first?.[field] ?? first?.['id']
      if (typeof found === 'string' || typeof found === 'number') value = String(found)
    }
    path = path.replace(match[0], encodeURIComponent(value))
  }
  return `${BASE_PATH}${path}`
}
