/** Agent functions where the docs are silent (no page): each is a row of docs/fidelity.md. */

/** The seeded stream agent functions draw from: which workflows each generated agent has. */
export const AGENT_FUNCTIONS_STREAM = 10

/** Workflows per generated agent; the documented agent `"123"` has the catalogue's first. */
export const GENERATED_FUNCTIONS_PER_AGENT = { min: 0, max: 2 } as const
