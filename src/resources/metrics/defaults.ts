/** Metrics where the docs are silent (they have none): each a row of docs/fidelity.md. */

/**
 * What a minute of call costs in the overview's figures, in US dollars: the fake keeps no cost
 * per call, so each is its length at this rate (ours; an ElevenLabs agent minute is about this).
 */
export const COST_PER_MINUTE_USD = 0.1
