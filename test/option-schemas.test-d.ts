import { expectTypeOf, it } from 'vitest'
import type * as z from 'zod'
import type { VoiceableMockOptions } from 'voiceable-mock'
import type { StartMockServerOptions } from 'voiceable-mock/node'
import type { VoiceableMockOptionsSchema } from '../src/options.js'
import type { StartMockServerOptionsSchema } from '../src/node/server-options.js'

// Type tests: the schemas that check the options at run time accept exactly the documented
// interfaces, and give them back unchanged, so neither can gain an option the other lacks.

it('checks createVoiceableMock options with a schema equal to VoiceableMockOptions', () => {
  expectTypeOf<z.input<typeof VoiceableMockOptionsSchema>>().toEqualTypeOf<VoiceableMockOptions>()
  expectTypeOf<z.output<typeof VoiceableMockOptionsSchema>>().toEqualTypeOf<VoiceableMockOptions>()
})

it('checks startMockServer options with a schema equal to StartMockServerOptions', () => {
  expectTypeOf<
    z.input<typeof StartMockServerOptionsSchema>
  >().toEqualTypeOf<StartMockServerOptions>()
  expectTypeOf<
    z.output<typeof StartMockServerOptionsSchema>
  >().toEqualTypeOf<StartMockServerOptions>()
})
