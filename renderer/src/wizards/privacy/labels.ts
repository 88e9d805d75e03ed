import type { PiiType } from '../../../../electron/contract/pii.js';

/** Each identifier type in plain words (the codes are what a masked text shows, e.g. [NAME]). */
export const TYPE_LABEL: Record<PiiType, string> = {
  NAME: 'Names of people',
  LOCATION: 'Addresses, towns and places',
  ZIP: 'Postal codes',
  DATE: 'Dates (day and month)',
  AGE: 'Ages over 89',
  PHONE: 'Phone numbers',
  FAX: 'Fax numbers',
  EMAIL: 'Email addresses',
  SSN: 'Social security numbers',
  MRN: 'Medical record numbers',
  HEALTH_PLAN: 'Health plan numbers',
  ACCOUNT: 'Account numbers',
  LICENSE: 'Licence and certificate numbers',
  VEHICLE: 'Vehicle plates and VINs',
  DEVICE: 'Device serial numbers',
  URL: 'Web addresses',
  IP: 'IP addresses',
  ID: 'Other identifying numbers',
  CASE_NUMBER: 'Case and docket numbers',
  BAR_NUMBER: 'Bar numbers',
};

export const STATUS_WORD: Record<string, string> = {
  detected: 'found',
  accepted: 'confirmed',
  rejected: 'kept as is',
  added: 'added by you',
};
