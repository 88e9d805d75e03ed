export * from './types.js';
export { readGgufHeader, keyValueMap } from './reader.js';
export { writeGguf, encodeGgufHeader, type GgufTensorSource, type GgufWriteInput, type GgufWriteResult } from './writer.js';
