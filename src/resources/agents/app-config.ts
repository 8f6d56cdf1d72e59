/**
 * The part of a generated agent's `conversation_config` the web app reads and writes (real-client
 * evidence, `docs/fidelity.md`): the model as `{provider, model, messages}`, the greeting, the
 * languages, the voice in each place the app looks for it, and the two system tools the app's
 * wizard always turns on. The documented agent `"123"` keeps the documented string model.
 */
import { APP_LANGUAGE, APP_SYSTEM_TOOLS, TRANSCRIBER_PROVIDER } from './defaults.js'

/** A model an agent can run on: ids the pricing catalogue prices (`resources/pricing-settings`). */
export interface AgentModel {
  readonly provider: string
  readonly model: string
}

/** The system prompt of a generated agent: what it is, in the words of its name. */
export function systemPromptFor(name: string): string {
  return `You are the ${name} of a small business. Greet callers warmly, find out what they need, help them in short, clear sentences, and offer to take a message when you cannot help.`
}

/** The greeting a generated agent opens its calls with. */
export function firstMessageFor(name: string): string {
  return `Hello, you've reached our ${name.toLowerCase()}. How can I help you today?`
}

/**
 * The app-facing `conversation_config` fields of an agent named `name`, speaking with `voiceId`
 * (a voice of the catalogue, `resources/voices`), after `temperature` and `model`.
 */
export function appConversationConfig(name: string, model: AgentModel, voiceId: string) {
  const prompt = systemPromptFor(name)
  return {
    model: {
      provider: model.provider,
      model: model.model,
      messages: [{ role: 'system', content: prompt }],
    },
    first_message: firstMessageFor(name),
    first_message_mode: 'assistant-speaks-first',
    languages: [APP_LANGUAGE],
    default_language: APP_LANGUAGE,
    language: APP_LANGUAGE,
    transcriber: { provider: TRANSCRIBER_PROVIDER, language: APP_LANGUAGE },
    voice_id: voiceId,
    voice_ids: [voiceId],
    primary_voice_id: voiceId,
    voice: { voice_id: voiceId },
    system_prompt_template: prompt,
    prompt_sections: { scenarios: [], phases: [], voiceTone: [] },
    system_tools: structuredClone(APP_SYSTEM_TOOLS),
  }
}

/** The app-facing `platform_settings` of an agent speaking with `voiceId`. */
export function appPlatformSettings(voiceId: string) {
  return { voice_id: voiceId, language: APP_LANGUAGE }
}
