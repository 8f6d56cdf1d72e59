/**
 * What `--write` adds: for each resource that opts in, one record of its own, created, read back,
 * updated, deleted, and read again (404), so that nothing is left behind. A record that could not
 * be deleted is deleted again, and named if it still cannot be.
 */
import { toBodySpec, type AnyEndpoint } from '../../pipeline/endpoint.js'
import type * as z from 'zod'
import { minimalBody } from './bodies.js'
import { declared, type FakeSide } from './fake.js'
import { displayTemplate, fillPath, idOf, paramsOf } from './paths.js'
import type { Run } from './run.js'

/**
 * Resources whose records `--write` creates, reads back, updates and deletes, by name. A resource
 * opts in here, once its table has a create (`POST /things`, JSON body), a read, an update and a
 * delete of one record (`GET`, `PUT`, `DELETE /things/:id`), and a delete that leaves nothing
 * behind. Nothing whose creation acts beyond its own record (a phone number bought, a campaign
 * that calls people) belongs here.
 */
export const WRITE_CYCLE_RESOURCES: readonly string[] = ['apiKeys', 'agents']

/** The prefix of the name of everything `--write` creates. */
export const WRITE_NAME_PREFIX = 'voiceable-mock verify'

/** How many times a record that was not deleted is deleted again before it is reported. */
const CLEANUP_ATTEMPTS = 3

/** One resource's cycle: its endpoints, the bodies it sends and the name of its record. */
export interface WriteCycle {
  /** What its records are called: `API key`. */
  readonly label: string
  readonly create: AnyEndpoint
  readonly read: AnyEndpoint
  readonly update: AnyEndpoint
  readonly remove: AnyEndpoint
  readonly name: string
  readonly createBody: unknown
  readonly updateBody: unknown
}

/**
 * A body: the endpoint's documented request example, else a minimal valid one, with the name of
 * the record set where its schema has a `name` (`{"api_key":{"name":…}}`).
 */
function namedBody(endpoint: AnyEndpoint, name: string): unknown {
  const schema = toBodySpec(endpoint.body as NonNullable<AnyEndpoint['body']>).schema
  const body = structuredClone(endpoint.examples?.request?.value ?? minimalBody(schema, name))
  const shape = (schema as Partial<z.ZodObject>).shape ?? {}
  for (const [wrapper, fieldsSchema] of Object.entries(shape)) {
    const fields = (body as Record<string, unknown>)[wrapper]
    const named = 'shape' in fieldsSchema && 'name' in (fieldsSchema as z.ZodObject).shape
    if (named && typeof fields === 'object' && fields !== null)
      (fields as Record<string, unknown>)['name'] = name
  }
  return body
}

function must(endpoint: AnyEndpoint | undefined, resource: string, what: string): AnyEndpoint {
  if (endpoint === undefined)
    throw new Error(`Failed to plan the --write cycle of ${resource}: it has no ${what}`)
  return endpoint
}

/** What a cycle is planned from: a resource's name, endpoints and what its records are called. */
export interface CycleResource {
  readonly name: string
  readonly endpoints: readonly AnyEndpoint[]
  readonly collections: readonly { readonly label: string }[]
}

/** The cycle of one resource, from its endpoints; throws when one of the five is missing. */
function planCycle(resource: CycleResource, name: string): WriteCycle {
  const { endpoints } = resource
  const create = must(
    endpoints.find(
      (e) => e.method === 'POST' && paramsOf(e.path).length === 0 && e.body !== undefined,
    ),
    resource.name,
    'create (POST without an id, with a body)',
  )
  const onRecord = (method: string): AnyEndpoint | undefined =>
    endpoints.find(
      (e) =>
        e.method === method &&
        e.path.startsWith(`${create.path}/:`) &&
        paramsOf(e.path).length === paramsOf(create.path).length + 1,
    )
  const update = must(onRecord('PUT'), resource.name, `PUT ${create.path}/:id`)
  return {
    label: resource.collections[0]?.label ?? resource.name,
    create,
    read: must(onRecord('GET'), resource.name, `GET ${create.path}/:id`),
    update,
    remove: must(onRecord('DELETE'), resource.name, `DELETE ${create.path}/:id`),
    name,
    createBody: namedBody(create, name),
    updateBody: namedBody(update, `${name} (updated)`),
  }
}

/** The cycles of the resources that opt in (`WRITE_CYCLE_RESOURCES`), in resource order. */
export function planWriteCycles(resources: readonly CycleResource[], now: Date): WriteCycle[] {
  const name = `${WRITE_NAME_PREFIX} ${now.toISOString().replace(/\.\d+Z$/, 'Z')}`
  return resources
    .filter((resource) => WRITE_CYCLE_RESOURCES.includes(resource.name))
    .map((resource) => planCycle(resource, name))
}

/** `an API key`, `an agent`, `a user`. */
function withArticle(label: string): string {
  return `${/^[aeioAEIO]/.test(label) ? 'an' : 'a'} ${label}`
}

/** What `--write` will do, one line per resource, printed before it starts. */
export function describeWritePlan(cycles: readonly WriteCycle[]): string[] {
  return cycles.map(({ label, name, create, read, update, remove }) => {
    const steps = [create, read, update, remove, read].map(
      (endpoint) => `${endpoint.method} ${displayTemplate(endpoint.path)}`,
    )
    return `  ${withArticle(label)} named "${name}": ${steps.join(', ')} (404)`
  })
}

/** Deletes a record `verify` created, without checking the answer; whether it is gone. */
async function deleteAgain(run: Run, path: string): Promise<boolean> {
  for (let attempt = 0; attempt < CLEANUP_ATTEMPTS; attempt++) {
    try {
      const { status } = await run.client.send({
        method: 'DELETE',
        path,
        headers: { 'X-API-Key': run.apiKey },
        bucket: 'caller',
      })
      if ((status >= 200 && status < 300) || status === 404) return true
    } catch {
      // Unreachable: tried again, then reported as left behind.
    }
  }
  return false
}

/** One resource's cycle; a record it could not delete goes to `run.leftBehind`. */
async function runCycle(run: Run, fake: FakeSide, cycle: WriteCycle): Promise<void> {
  const { create, read, update, remove } = cycle
  const created = await run
    .check({
      endpoint: create,
      path: create.path,
      credential: 'caller',
      body: cycle.createBody,
      expect: declared(create),
    })
    .catch((error: unknown) => {
      // No answer: the backend may have created it all the same.
      run.leftBehind.push(
        `perhaps ${withArticle(cycle.label)} named "${cycle.name}" (POST ${create.path} got no answer)`,
      )
      throw error
    })
  if (created.answer.status < 200 || created.answer.status >= 300) return
  const param = paramsOf(read.path).at(-1) as string
  const id = idOf((created.body as { data?: unknown } | undefined)?.data, param)
  if (id === undefined) {
    run.leftBehind.push(
      `${withArticle(cycle.label)} named "${cycle.name}": created, but its answer has no id to delete it by`,
    )
    return
  }
  const path = fillPath(read.path, { [param]: id })
  let deleted = false
  try {
    await run.check({ endpoint: read, path, credential: 'caller', expect: declared(read) })
    const body = cycle.updateBody
    await run.check({
      endpoint: update,
      path,
      credential: 'caller',
      body,
      expect: declared(update),
    })
    const removed = await run.check({
      endpoint: remove,
      path,
      credential: 'caller',
      expect: declared(remove),
    })
    deleted = removed.answer.status >= 200 && removed.answer.status < 300
    if (deleted) {
      const expect = await fake.expect(read, 'caller')
      await run.check({ endpoint: read, path, credential: 'caller', note: 'deleted', expect })
    }
  } finally {
    if (!deleted && !(await deleteAgain(run, path)))
      run.leftBehind.push(`${cycle.label} ${id} named "${cycle.name}" (DELETE ${path} failed)`)
  }
}

/** Runs the cycles one after the other. */
export async function runWriteCycles(
  run: Run,
  fake: FakeSide,
  cycles: readonly WriteCycle[],
): Promise<void> {
  for (const cycle of cycles) await runCycle(run, fake, cycle)
}
