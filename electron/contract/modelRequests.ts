// The 'models:*' requests beyond list/register/remove: finding the models already on this computer.
import { DiscoverInput } from './models.js';
import { jobSchemas } from './jobs.js';

export const modelRequests = {
  /** Looks for GGUF models on this computer as a job (headers only, off the core's thread); pick one with models:register. */
  'models:discover': { input: DiscoverInput, output: jobSchemas['model.discover'] },
} as const;
