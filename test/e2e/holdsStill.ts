// A stop or cancel button must not move while the progress beside it changes: Playwright (and a person's mouse)
// aims at where the button was, and a button pushed along by a growing line is missed. That is how a Playground
// Stop click once landed below its button and the reply ran on (CI, session 11).
import { expect, type Locator } from '@playwright/test';

/**
 * Samples `button`'s box while `changing`'s text changes at least `changes` times and expects one box throughout.
 * Fails too if the text did not change enough: a check that watched nothing move would prove nothing.
 */
export async function expectHoldsStill(button: Locator, changing: Locator, changes = 2, timeoutMs = 20_000): Promise<void> {
  const boxes = new Set<string>();
  const texts = new Set<string>();
  const started = Date.now();
  while (texts.size <= changes && Date.now() - started < timeoutMs) {
    const [box, text] = await Promise.all([button.boundingBox(), changing.textContent()]);
    boxes.add(JSON.stringify(box));
    texts.add(text ?? '');
    await new Promise((resolve) => setTimeout(resolve, 40));
  }
  expect(texts.size, `the watched text changed only ${texts.size - 1} times: ${[...texts].join(' | ')}`).toBeGreaterThan(changes);
  expect([...boxes], 'the button moved while the progress changed').toHaveLength(1);
}
