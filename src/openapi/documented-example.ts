/** Helpers for the OpenAPI words each endpoint carries beside it (`doc`, `examples`). */
import type { DocumentedExample } from '../pipeline/endpoint.js'

/**
 * A documented example of `fixtures/`, verbatim, as OpenAPI's Example Object: where it comes
 * from, and the value itself (`fixtures/README.md` names the page each one comes from).
 */
export function documented(page: string, value: unknown): DocumentedExample {
  return { summary: `The documented example (Voiceable API reference, ${page})`, value }
}
