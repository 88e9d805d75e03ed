// The fit check at project start: is fine-tuning the right tool for this job at all? Five plain answers lead to one
// of three routes. The rules follow common practice: a system prompt with a few examples is the cheapest thing that
// can work and should be tried first for everyday language; fine-tuning pays off when the words or the answer's shape
// are specialised and the model is used often (shorter prompts, steadier format); with fewer than about a hundred
// good examples a tuned model mostly learns the few it saw, so collecting more comes first.
import type { FitAnswers, FitRecommendation } from '../../../contract/generate.js';

const SPECIALISED = { everyday: 0, some: 1, specialist: 2 } as const;
const SHAPED = { free: 0, usual: 1, strict: 2 } as const;

export function recommendFit(a: FitAnswers): FitRecommendation {
  const specialisation = SPECIALISED[a.vocabulary] + SHAPED[a.format];
  const enoughData = a.goodExamples === 'hundreds' || a.goodExamples === 'thousands';
  const reasons: string[] = [];
  const caution =
    a.wrongCost === 'serious'
      ? 'A wrong answer is costly: whichever route you take, have an expert check answers (Evaluate has a blind review) before anyone relies on them.'
      : null;

  if (!enoughData) {
    if (specialisation >= 2 || a.wrongCost === 'serious') {
      reasons.push(
        a.goodExamples === 'none'
          ? 'There are no good examples yet: a model cannot be tuned, or checked, without them.'
          : 'A few dozen examples are too few to tune on: the model would mostly repeat them rather than learn the field.',
      );
      reasons.push('Your field is specialised enough that tuning may well pay off once you have about a hundred good examples or more.');
      reasons.push('Questions generated from your documents (Data, More examples) can help you get there faster; an expert still checks each one.');
      if (caution) reasons.push(caution);
      return { route: 'collect-more', headline: 'Collect more good examples first, and use prompting meanwhile.', reasons };
    }
    reasons.push('Everyday wording and a free answer format are what general models already do well.');
    reasons.push('With few examples, a system prompt that shows a handful of them is quicker to try and easier to change than a tuned model.');
    if (caution) reasons.push(caution);
    return { route: 'prompting', headline: 'Prompting with a system prompt and a few examples may be enough.', reasons };
  }

  if (specialisation <= 1 && a.usage === 'occasionally') {
    reasons.push('The language and format are close to everyday use, so a general model with good instructions usually copes.');
    reasons.push('The model will be used only now and then, so the longer prompts that prompting needs cost little.');
    reasons.push('Try the Playground with your system prompt first; tune later if its answers fall short.');
    if (caution) reasons.push(caution);
    return { route: 'prompting', headline: 'Prompting with a system prompt and a few examples may be enough.', reasons };
  }

  reasons.push(
    `You have ${a.goodExamples === 'thousands' ? 'thousands of' : 'hundreds of'} good examples: enough to tune on and to keep some aside to test with.`,
  );
  if (specialisation >= 2) reasons.push('Specialised words or a fixed answer format are what tuning teaches better than instructions do.');
  if (a.usage !== 'occasionally') reasons.push('Frequent use makes a tuned model cheaper and steadier than long prompts repeated on every question.');
  reasons.push('Compare against the prompting baseline in Evaluate: it tells you whether tuning really helped.');
  if (caution) reasons.push(caution);
  return { route: 'fine-tune', headline: 'Fine-tuning is likely worth it.', reasons };
}
