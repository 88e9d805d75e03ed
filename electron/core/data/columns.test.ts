import { describe, expect, it } from 'vitest';
import { resolveMapping, synonymMapping } from './columns.js';

describe('column names matched to question and answer', () => {
  it.each([
    [['Patient question', 'Reception reply'], { 'Patient question': 'user', 'Reception reply': 'assistant' }],
    [['Patient question', 'Reply given', 'Topic'], { 'Patient question': 'user', 'Reply given': 'assistant', Topic: 'metadata' }],
    [['Customer enquiry', 'Agent response'], { 'Customer enquiry': 'user', 'Agent response': 'assistant' }],
    [['Patient message', 'Reception'], { 'Patient message': 'user', Reception: 'assistant' }],
    [['Patient', 'Receptionist said'], { Patient: 'user' }],
  ])('%j', (headers, expected) => {
    expect(synonymMapping(headers)).toEqual(expected);
  });

  it('takes a label column for a label, and the first column of a kind only', () => {
    expect(synonymMapping(['Question category', 'Question text', 'Answer', 'Answer date'])).toEqual({
      'Question category': 'metadata',
      'Question text': 'user',
      Answer: 'assistant',
    });
  });

  it("leaves exact names and the person's own choices first", () => {
    expect(resolveMapping(['question', 'Reception reply', 'answer'])).toEqual({ question: 'user', 'Reception reply': 'ignore', answer: 'assistant' });
    // The mapping can always be changed: an override wins over a synonym.
    expect(resolveMapping(['Patient question', 'Reception reply', 'Notes'], { 'Reception reply': 'ignore', Notes: 'assistant' })).toEqual({
      'Patient question': 'user',
      'Reception reply': 'ignore',
      Notes: 'assistant',
    });
  });
});
