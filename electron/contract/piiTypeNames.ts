// The kinds of identifier the PII engine finds, apart from pii.ts's schemas: the engine's worker threads import this
// list, and pii.ts's zod import would have them load and compile zod (~0.6 MB of JavaScript) for a list of names.
export const PII_TYPE_NAMES = [
  'NAME',
  'LOCATION',
  'ZIP',
  'DATE',
  'AGE',
  'PHONE',
  'FAX',
  'EMAIL',
  'SSN',
  'MRN',
  'HEALTH_PLAN',
  'ACCOUNT',
  'LICENSE',
  'VEHICLE',
  'DEVICE',
  'URL',
  'IP',
  'ID',
  'CASE_NUMBER',
  'BAR_NUMBER',
] as const;
