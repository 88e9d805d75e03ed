// Requests of the fit check and of generated examples (see generate.ts). The suggestions they make are reviewed and
// committed through the inbox requests ('inbox:decide', 'inbox:commit').
import { FitAnswers, FitRecommendation, AugmentInput, GenerateQuestionsInput } from './generate.js';
import { jobSchemas } from './jobs.js';

export const generateRequests = {
  /** The guided check at project start: prompting may be enough / fine-tune / collect more data first, and why. */
  'generate:fit': { input: FitAnswers, output: FitRecommendation },
  /** Questions and answers from documents, by a local model: a 'data.generate' job; results wait in the inbox. */
  'generate:questions': { input: GenerateQuestionsInput, output: jobSchemas['data.generate'] },
  /** Variations of a version's training questions (rewording, register, typos): a 'data.generate' job. */
  'generate:augment': { input: AugmentInput, output: jobSchemas['data.generate'] },
} as const;
