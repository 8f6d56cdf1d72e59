/** Outcome definitions where the docs are silent (no page): each is a row of docs/fidelity.md. */

/** The seeded stream outcome definitions draw from: which agents have one, and its goals. */
export const OUTCOME_DEFINITIONS_STREAM = 9

/**
 * The outcomes an agent can aim for, and the kind each is: the app's fixed list
 * (`outcome_type` follows the primary outcome's kind).
 */
export const OUTCOMES = {
  appointment_booked: 'sales',
  appointment_rescheduled: 'sales',
  lead_qualified: 'sales',
  lead_captured: 'sales',
  information_provided: 'general',
  question_answered: 'general',
  follow_up_completed: 'sales',
  call_transferred: 'support',
  location_hours_provided: 'general',
  feedback_collected: 'general',
} as const

/** The share of generated agents that have a definition (the documented agent `"123"` always has one). */
export const GENERATED_DEFINITION_RATE = 0.5

/** The documented agent's goals: a support agent answers questions, or hands over. */
export const DOCUMENTED_AGENT_OUTCOMES = {
  primary_outcome: 'question_answered',
  secondary_outcomes: ['information_provided', 'call_transferred'],
} as const
