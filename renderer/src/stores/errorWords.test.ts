// The app words the same typed errors with its controls, never the CLI's flags (electron/cli/errorWords.test.ts).
import { describe, expect, it } from 'vitest';
import { ApiError } from '../transport/transport.js';
import { appMessage, errorText } from './errorWords.js';

describe('app error words', () => {
  it('names the control that applies the fix, and no flag', () => {
    const skip = appMessage({ message: 'Line 3: not JSON.', fix: { setting: 'skipBad' } });
    expect(skip).toBe('Line 3: not JSON; fix it, or tick “Skip bad rows” to import the rest and set such rows aside.');
    const enc = errorText(new ApiError({ code: 'INVALID_INPUT', message: 'Byte 0xE9 is not UTF-8.', fix: { setting: 'encoding', value: 'windows-1252' } }));
    expect(enc).toMatch(/import it with the text encoding windows-1252 \(choose it under “Text encoding”\)/);
    for (const text of [
      skip,
      enc,
      appMessage({ message: 'x', fix: { setting: 'format' } }),
      appMessage({ message: 'x', fix: { setting: 'map', value: 'Q=user' } }),
    ]) {
      expect(text).not.toMatch(/--[a-z]/);
    }
  });
});
