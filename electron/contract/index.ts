export * from './datasets.js';
export * from './domain.js';
export * from './errors.js';
export * from './events.js';
export * from './requests.js';
export * from './trainerEvents.js';
export * from './wire.js';
export * from './bridge.js';
