export * from './types.js';
export { readGgufHeader, readGgufHeaderSync, keyValueMap } from './reader.js';
export { bytesNeeded, headerFacts, quantizationName, type HeaderFacts } from './headerFacts.js';
export { writeGguf, encodeGgufHeader, type GgufTensorSource, type GgufWriteInput, type GgufWriteResult } from './writer.js';
