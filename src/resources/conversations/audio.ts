/**
 * A conversation's recording, as `GET /conversations/{id}/audio` sends it: the fake records no
 * calls, so each is a short tone, the same bytes for the same conversation every time, that a
 * browser decodes (the web app's player checks the type and plays it).
 */
import { hashOf } from '../../internal/hash.js'
import { AUDIO } from './defaults.js'

/** A 16-bit mono PCM WAV file of `AUDIO.seconds` of a soft tone, its pitch drawn from `id`. */
export function createConversationAudio(id: string): Uint8Array<ArrayBuffer> {
  const { sampleRate, seconds } = AUDIO
  const samples = sampleRate * seconds
  const bytes = new Uint8Array(44 + samples * 2)
  const view = new DataView(bytes.buffer)
  const ascii = (at: number, text: string) => {
    for (let i = 0; i < text.length; i++) view.setUint8(at + i, text.charCodeAt(i))
  }
  ascii(0, 'RIFF')
  view.setUint32(4, 36 + samples * 2, true)
  ascii(8, 'WAVE')
  ascii(12, 'fmt ')
  view.setUint32(16, 16, true) // the format chunk's size
  view.setUint16(20, 1, true) // PCM
  view.setUint16(22, 1, true) // mono
  view.setUint32(24, sampleRate, true)
  view.setUint32(28, sampleRate * 2, true) // bytes per second
  view.setUint16(32, 2, true) // bytes per frame
  view.setUint16(34, 16, true) // bits per sample
  ascii(36, 'data')
  view.setUint32(40, samples * 2, true)
  const pitch = 220 + (hashOf(id) % 220)
  for (let i = 0; i < samples; i++) {
    // A quarter of full scale, faded in and out over 50 ms so that it starts and ends quietly.
    const fade = Math.min(1, i / (sampleRate * 0.05), (samples - i) / (sampleRate * 0.05))
    const value = Math.sin((2 * Math.PI * pitch * i) / sampleRate) * 0.25 * fade
    view.setInt16(44 + i * 2, Math.round(value * 0x7fff), true)
  }
  return bytes
}
