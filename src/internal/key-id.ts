/** Ids are positive integers in canonical form: `0`, `01`, `1.5`, `-1`, `1e3`, `abc` are not ids. */
const CANONICAL_ID = /^[1-9]\d{0,15}$/

/** The `{id}` path parameter as a key id, or `undefined` when it cannot name a key. */
export function parseKeyId(raw: unknown): number | undefined {
  if (typeof raw !== 'string' || !CANONICAL_ID.test(raw)) return undefined
  const id = Number(raw)
  return Number.isSafeInteger(id) ? id : undefined
}

/** Whether a path parameter can name an agent: agent ids are canonical integers too, kept as strings. */
export function isAgentId(raw: string): boolean {
  return parseKeyId(raw) !== undefined
}
