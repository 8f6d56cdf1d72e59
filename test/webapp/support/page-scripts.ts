/**
 * Scripts the suite adds to every page before the app's own (context.addInitScript), and their
 * readers. They run in the browser, so they use nothing from their module.
 */
import type { Page } from 'playwright-core'

/** Runs in the page: records play() calls and what each media element then did. */
export function watchMedia(): void {
  const events: string[] = []
  ;(window as unknown as { __mediaEvents: string[] }).__mediaEvents = events
  // Called below with the element as `this`.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const play = HTMLMediaElement.prototype.play
  HTMLMediaElement.prototype.play = function playWatched(this: HTMLMediaElement) {
    events.push('play()')
    for (const type of ['playing', 'timeupdate', 'ended', 'error'])
      this.addEventListener(type, () => events.push(type), { once: true })
    return play.call(this).catch((error: Error) => {
      events.push(`play() rejected: ${error.name}`)
      throw error
    })
  }
}

/** Runs in the page: reports each toast (shadcn's, on Radix Toast) as "title: description". */
export function watchToasts(): void {
  const report = (window as unknown as { __reportToast: (text: string) => void }).__reportToast
  const read = (toast: Element): string =>
    [...toast.querySelectorAll('div')]
      .filter((part) => part.children.length === 0 && part.textContent.trim() !== '')
      .map((part) => part.textContent.trim())
      .join(': ')
  new MutationObserver((mutations) => {
    for (const mutation of mutations)
      for (const node of mutation.addedNodes) {
        if (!(node instanceof Element)) continue
        const found = node.matches('li[data-state]')
          ? [node]
          : node.querySelectorAll('li[data-state]')
        for (const toast of found) report(read(toast))
      }
  }).observe(document, { childList: true, subtree: true })
}

/** The media events recorded by `watchMedia` so far. */
export async function mediaEvents(page: Page): Promise<string[]> {
  return page.evaluate(
    () => (window as unknown as { __mediaEvents?: string[] }).__mediaEvents ?? [],
  )
}
