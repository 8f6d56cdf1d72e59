/**
 * One run of `verify`: sends each request, checks its answer (`check.ts`), and keeps what it
 * learnt — the requests, the differences as findings (one line each, secrets masked), the 429s,
 * and what could not be checked.
 */
import type { AnyEndpoint } from '../../pipeline/endpoint.js'
import { checkAnswer, type Difference, type DifferenceKind, type Expectation } from './check.js'
import type { BackendAnswer, BackendClient } from './client.js'
import { credentialHeaders, declared, type Credential } from './fake.js'
import { fidelityRow, type FidelityRow } from './fidelity.js'
import type { Redactor } from './redact.js'

/** A request `verify` sent, as its findings name it. */
export interface VerifyRequest {
  /** The endpoint's name in the table: `getApiKey`. */
  readonly endpoint: string
  /** Method, path and what is special about it: `GET /api_keys (no credential)`. */
  readonly label: string
  readonly method: string
  /** Under the base URL, ids filled in: `/api_keys/1`. */
  readonly path: string
  /** Sent with the API key given (`caller`), with none, or with one no backend issued (`bad`). */
  readonly credential: Credential
  /** The JSON body sent, if any (never a secret: blank fields, or what `--write` creates). */
  readonly body?: unknown
  /** The backend's HTTP status. */
  readonly status: number
}

/** One difference between the backend and the fake. */
export interface VerifyFinding {
  /** The whole line: `GET /api_keys/1: data.user_email: missing (the fake sends it)`. */
  readonly line: string
  readonly kind: DifferenceKind
  /** Where in the answer: `data.user_email`, `status.message`, `header Content-Type`; `''` for the status. */
  readonly at: string
  /** What, after `at`: `missing (the fake sends it)`. */
  readonly text: string
  /** Other list items with the same difference. */
  readonly alsoAt?: readonly string[]
  /**
   * The labels of other requests whose answers have the very same difference (a header missing
   * from every answer, one 401 message): one finding, its line saying how many.
   */
  readonly alsoIn?: readonly string[]
  readonly request: VerifyRequest
  /** The docs/fidelity.md row it affects. */
  readonly fidelity: FidelityRow
}

/** A request that could not be sent or checked, and why. */
export interface NotChecked {
  readonly endpoint: string
  readonly label: string
  readonly reason: string
}

/** One request to make: to which endpoint, where, as whom, with what, and what the fake answers. */
export interface Probe {
  readonly endpoint: AnyEndpoint
  readonly path: string
  readonly credential: Credential
  readonly body?: unknown
  /** What is special about the request, for its label: `no credential`. */
  readonly note?: string
  readonly expect: Expectation
}

/** A request sent and checked. */
export interface Checked {
  readonly answer: BackendAnswer
  /** The parsed body, `undefined` when it was not JSON. */
  readonly body: unknown
  /** Whether it was answered as the fake would answer it (`false` for a 429 too). */
  readonly matched: boolean
}

/** What a difference is, whatever request showed it: findings that share it are one. */
function sameness(finding: VerifyFinding): string {
  return [finding.kind, finding.at, finding.text, finding.fidelity.row].join('\n')
}

export function labelOf(method: string, path: string, note?: string): string {
  return `${method} ${path}${note === undefined ? '' : ` (${note})`}`
}

/** The state of one run, and the one way requests are sent and checked. */
export class Run {
  readonly requests: VerifyRequest[] = []
  readonly #findings: VerifyFinding[] = []
  /** The requests that showed each difference after the first, by what the difference is. */
  readonly #alsoIn = new Map<string, string[]>()
  readonly rateLimited: VerifyRequest[] = []
  readonly notChecked: NotChecked[] = []
  /** What `--write` created and could not delete: one sentence each, naming the record. */
  readonly leftBehind: string[] = []
  readonly #reads = new Map<string, Promise<Checked>>()

  readonly client: BackendClient
  readonly redactor: Redactor
  readonly apiKey: string
  /** The resource each endpoint belongs to, by endpoint name. */
  readonly resourceOf: ReadonlyMap<string, string>

  constructor(
    client: BackendClient,
    redactor: Redactor,
    apiKey: string,
    resourceOf: ReadonlyMap<string, string>,
  ) {
    this.client = client
    this.redactor = redactor
    this.apiKey = apiKey
    this.resourceOf = resourceOf
  }

  #finding(probe: Probe, request: VerifyRequest, difference: Difference): VerifyFinding {
    const text = this.redactor.redact(difference.text)
    const at = this.redactor.redact(difference.at)
    const resource = this.resourceOf.get(probe.endpoint.name)
    return {
      line: `${request.label}: ${at === '' ? '' : `${at}: `}${text}`,
      kind: difference.kind,
      at,
      text,
      ...(difference.alsoAt === undefined ? {} : { alsoAt: difference.alsoAt }),
      request,
      fidelity: fidelityRow(probe.endpoint, resource, probe.expect, request.status, difference),
    }
  }

  /** Sends a request and checks its answer; a 429 still there after waiting is kept apart. */
  async check(probe: Probe): Promise<Checked> {
    const { method } = probe.endpoint
    const answer = await this.client.send({
      method,
      path: probe.path,
      headers: credentialHeaders(probe.credential, this.apiKey),
      ...(probe.body === undefined ? {} : { body: probe.body }),
      bucket: probe.credential === 'caller' ? 'caller' : 'anonymous',
    })
    const request: VerifyRequest = {
      endpoint: probe.endpoint.name,
      label: labelOf(method, probe.path, probe.note),
      method,
      path: probe.path,
      credential: probe.credential,
      ...(probe.body === undefined ? {} : { body: probe.body }),
      status: answer.status,
    }
    this.requests.push(request)
    if (answer.rateLimited) {
      this.rateLimited.push(request)
      return { answer, body: undefined, matched: false }
    }
    const { differences, body } = checkAnswer(probe.expect, answer)
    this.redactor.collect(body)
    for (const difference of differences) this.#add(this.#finding(probe, request, difference))
    return { answer, body, matched: differences.length === 0 }
  }

  /** Keeps a finding, or names its request beside the same difference found before. */
  #add(finding: VerifyFinding): void {
    const alsoIn = this.#alsoIn.get(sameness(finding))
    if (alsoIn === undefined) {
      this.#alsoIn.set(sameness(finding), [])
      this.#findings.push(finding)
    } else alsoIn.push(finding.request.label)
  }

  /**
   * Every difference, once: a difference the answers to several requests share is the first
   * one's, its line saying in how many other answers it is too (`alsoIn` names them).
   */
  get findings(): VerifyFinding[] {
    return this.#findings.map((finding) => {
      const alsoIn = this.#alsoIn.get(sameness(finding)) ?? []
      if (alsoIn.length === 0) return finding
      const others = `${alsoIn.length} other answer${alsoIn.length === 1 ? '' : 's'}`
      return { ...finding, line: `${finding.line}; the same in ${others}`, alsoIn: [...alsoIn] }
    })
  }

  /**
   * A read sent once per method, path and credential, however many times it is asked for: a
   * list read for its ids, a read that confirms an id does not exist before a write uses it.
   */
  once(probe: Probe): Promise<Checked> {
    const key = `${probe.endpoint.method} ${probe.path} ${probe.credential}`
    let checked = this.#reads.get(key)
    if (checked === undefined) {
      checked = this.check(probe)
      this.#reads.set(key, checked)
    }
    return checked
  }

  /** A read with the caller's key, answered as the table declares; sent once per path. */
  read(endpoint: AnyEndpoint, path: string): Promise<Checked> {
    return this.once({ endpoint, path, credential: 'caller', expect: declared(endpoint) })
  }

  skip(endpoint: AnyEndpoint, label: string, reason: string): void {
    this.notChecked.push({ endpoint: endpoint.name, label, reason })
  }
}
