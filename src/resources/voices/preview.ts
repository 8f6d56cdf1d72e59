/**
 * A voice's `preview_url`: a `data:` URI of a short WAV tone. The app plays it with a bare
 * `new Audio(url)`, so it must play without credentials and without a network: inline bytes do.
 */
import { PREVIEW_TONE } from './defaults.js'

/** 8-bit mono PCM WAV bytes of a sine tone (the RIFF header, then one byte per sample). */
function toneWav(sampleRate: number, seconds: number, hertz: number): Uint8Array {
  const samples = Math.round(sampleRate * seconds)
  const bytes = new Uint8Array(44 + samples)
  const view = new DataView(bytes.buffer)
  const ascii = (at: number, text: string) => {
    for (let i = 0; i < text.length; i++) bytes[at + i] = text.charCodeAt(i)
  }
  ascii(0, 'RIFF')
  view.setUint32(4, 36 + samples, true)
  ascii(8, 'WAVEfmt ')
  view.setUint32(16, 16, true) // the fmt chunk's size
  view.setUint16(20, 1, true) // PCM
  view.setUint16(22, 1, true) // mono
  view.setUint32(24, sampleRate, true)
  view.setUint32(28, sampleRate, true) // bytes per second: one byte per sample
  view.setUint16(32, 1, true) // block align
  view.setUint16(34, 8, true) // bits per sample
  ascii(36, 'data')
  view.setUint32(40, samples, true)
  for (let i = 0; i < samples; i++)
    bytes[44 + i] = Math.round(128 + 48 * Math.sin((2 * Math.PI * hertz * i) / sampleRate))
  return bytes
}

function toBase64(bytes: Uint8Array): string {
  let text = ''
  for (const byte of bytes) text += String.fromCharCode(byte)
  return btoa(text)
}

/** The preview every catalogue voice offers (computed once). */
export const PREVIEW_URL = `data:audio/wav;base64,${toBase64(
  toneWav(PREVIEW_TONE.sampleRate, PREVIEW_TONE.seconds, PREVIEW_TONE.hertz),
)}`
