/**
 * The requests `verify` sends without `--write`, derived from the endpoint table: none of them
 * can change anything.
 * - Reads (`GET`) with the caller's key, ids taken from the backend's own list answers.
 * - Every endpoint that needs a credential, without one and with one no backend issued (401):
 *   reads on a real id, writes on an id that cannot exist and with no body.
 * - Every endpoint with an id, with the caller's key and an id that cannot exist (404); a write
 *   only once a read of the same path has answered 404 for that id.
 * - Endpoints that read no credential (`anonymous`: sign-in, sign-up), once, with every field
 *   blank: nobody can be signed in or up with that.
 * - Endpoints that need none but read one (`public`: sign-out), without a credential and with a
 *   bad one, never with the caller's: sign-out would end the caller's session.
 */
import { requiresCaller, toBodySpec, type AnyEndpoint } from '../../pipeline/endpoint.js'
import { blankBody } from './bodies.js'
import { VerifyError } from './client.js'
import type { FakeSide } from './fake.js'
import {
  displayTemplate,
  listItemsOf,
  missingPath,
  paramsOf,
  resolvePath,
  type Lister,
} from './paths.js'
import { labelOf, type Checked, type Run } from './run.js'

/** The note of a request on an id that cannot exist. */
export const MISSING_NOTE = 'no such id'

/** The endpoint of the table that reads a path, if any. */
function readerOf(endpoints: readonly AnyEndpoint[], template: string): AnyEndpoint | undefined {
  return endpoints.find(
    (endpoint) =>
      endpoint.method === 'GET' && endpoint.path === template && endpoint.access !== 'anonymous',
  )
}

/**
 * A read that says whether a write's record exists: the GET of the same path; of the record, for
 * an action on it (`/agents/:agentId` for `/agents/:agentId/publish`); or else a GET named by
 * that record's id alone (`/agent_files/:fileId/usage` for `/agents/:agentId/agent_files/:fileId`).
 */
function confirmingReader(
  endpoints: readonly AnyEndpoint[],
  template: string,
): AnyEndpoint | undefined {
  const last = paramsOf(template).at(-1)
  return (
    readerOf(endpoints, template) ??
    readerOf(endpoints, upToLastParam(template)) ??
    endpoints.find((endpoint) => {
      const params = paramsOf(endpoint.path)
      return (
        endpoint.method === 'GET' &&
        endpoint.access !== 'anonymous' &&
        params.length === 1 &&
        params[0] === last
      )
    })
  )
}

/**
 * The path up to its last param: an action on a record (`/agents/:agentId/publish`) is confirmed
 * missing by the record's own read (`/agents/:agentId`).
 */
function upToLastParam(template: string): string {
  return template.replace(/(\/:[^/]+)\/[^:]*$/, '$1')
}

/** Lists read with the caller's key, for the ids of the paths after them. */
function backendLister(run: Run, endpoints: readonly AnyEndpoint[]): Lister {
  return async (listTemplate, listPath) => {
    const reader = readerOf(endpoints, listTemplate)
    if (reader === undefined) return { reason: `no endpoint lists ${listTemplate}` }
    const { answer, body } = await run.read(reader, listPath)
    const items = listItemsOf(body)
    if (answer.status < 200 || answer.status >= 300 || items === undefined)
      return { reason: `GET ${listPath} answered ${answer.status}` }
    return items
  }
}

/**
 * The first list of the table, read first: an answer that shows the key refused, or no API at
 * the base URL, ends the run (`VerifyError`), as no other answer could be checked.
 */
async function preflight(run: Run, endpoints: readonly AnyEndpoint[]): Promise<void> {
  const first = endpoints.find(
    (endpoint) =>
      endpoint.method === 'GET' &&
      paramsOf(endpoint.path).length === 0 &&
      requiresCaller(endpoint.access),
  )
  if (first === undefined) return
  const { answer, body } = await run.read(first, first.path)
  const said = `GET ${first.path} answered ${answer.status}`
  if (answer.status === 401 || answer.status === 403)
    throw new VerifyError(
      'refused',
      `the backend refused the API key (${said}): give a valid private key of a test account`,
    )
  if (answer.status === 404 || body === undefined)
    throw new VerifyError(
      'not-api',
      `no Voiceable API at the base URL (${said}${body === undefined ? ', not JSON' : ''}): it ends with /voiceable-api (the real backend) or /api/v1 (the docs)`,
    )
}

/** Without a credential and with a bad one: 401 for an endpoint that needs one. */
async function credentialProbes(
  run: Run,
  fake: FakeSide,
  endpoint: AnyEndpoint,
  path: string,
): Promise<void> {
  const notes = { none: 'no credential', bad: 'bad credential' } as const
  for (const credential of ['none', 'bad'] as const)
    await run.check({
      endpoint,
      path,
      credential,
      note: notes[credential],
      expect: await fake.expect(endpoint, credential),
    })
}

/** A read with the caller's key of an id that cannot exist (404); sent once per path. */
async function readMissing(
  run: Run,
  fake: FakeSide,
  reader: AnyEndpoint,
  path: string,
): Promise<Checked> {
  const expect = await fake.expect(reader, 'caller')
  return run.once({ endpoint: reader, path, credential: 'caller', note: MISSING_NOTE, expect })
}

/** What the safe requests are sent with: the run, the fake, the table and its lists. */
interface Corpus {
  readonly run: Run
  readonly fake: FakeSide
  readonly endpoints: readonly AnyEndpoint[]
  readonly list: Lister
}

/** The caller's key on an id that cannot exist: 404; for a write, once a read has said so. */
async function missingIdProbe(corpus: Corpus, endpoint: AnyEndpoint): Promise<void> {
  const { run, fake, endpoints, list } = corpus
  const resolved = await resolvePath(endpoint.path, list, true)
  const path = 'path' in resolved ? resolved.path : missingPath(endpoint.path)
  const label = labelOf(endpoint.method, path, MISSING_NOTE)
  if (endpoint.method === 'GET') {
    await readMissing(run, fake, endpoint, path)
    return
  }
  const reader = confirmingReader(endpoints, endpoint.path)
  if (reader === undefined)
    return run.skip(
      endpoint,
      label,
      `no GET of ${displayTemplate(endpoint.path)} can first confirm that the id does not exist`,
    )
  const resolvedRead = await resolvePath(reader.path, list, true)
  const readPath = 'path' in resolvedRead ? resolvedRead.path : missingPath(reader.path)
  const read = await readMissing(run, fake, reader, readPath)
  if (read.answer.status !== 404) {
    const said = read.answer.rateLimited ? 'was rate-limited' : `answered ${read.answer.status}`
    return run.skip(endpoint, label, `not sent: GET ${readPath} ${said}, not 404`)
  }
  const expect = await fake.expect(endpoint, 'caller')
  await run.check({ endpoint, path, credential: 'caller', note: MISSING_NOTE, expect })
}

/** Every safe request of one endpoint. */
async function probeEndpoint(corpus: Corpus, endpoint: AnyEndpoint): Promise<void> {
  const { run, fake, list } = corpus
  const { access, method } = endpoint
  if (access === 'anonymous') {
    const body =
      endpoint.body === undefined ? undefined : blankBody(toBodySpec(endpoint.body).schema)
    const expect = await fake.expect(endpoint, 'none', body)
    await run.check({
      endpoint,
      path: endpoint.path,
      credential: 'none',
      body,
      note: 'blank fields',
      expect,
    })
    return
  }
  let path = missingPath(endpoint.path)
  if (method === 'GET') {
    const resolved = await resolvePath(endpoint.path, list, false)
    if ('path' in resolved) {
      path = resolved.path
      await run.read(endpoint, path)
    } else run.skip(endpoint, labelOf(method, displayTemplate(endpoint.path)), resolved.reason)
  }
  if (access !== 'public' && paramsOf(endpoint.path).length > 0)
    await missingIdProbe(corpus, endpoint)
  await credentialProbes(run, fake, endpoint, path)
}

/** Sends the safe corpus of an endpoint table, in table order, the first list first. */
export async function runSafeCorpus(
  run: Run,
  fake: FakeSide,
  endpoints: readonly AnyEndpoint[],
): Promise<void> {
  await preflight(run, endpoints)
  const corpus: Corpus = { run, fake, endpoints, list: backendLister(run, endpoints) }
  for (const endpoint of endpoints) await probeEndpoint(corpus, endpoint)
}
