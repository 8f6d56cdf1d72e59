/** Metrics where the docs are silent (they have none): each a row of docs/fidelity.md. */

/** What a minute of call costs: the conversations' rate, so the overview adds up their costs. */
export { COST_PER_MINUTE_USD } from '../conversations/defaults.js'
