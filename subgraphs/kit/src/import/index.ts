export * from './decode.js';
export * from './header.js';
export * from './problems.js';
export * from './records.js';
export * from './run.js';
export * from './spec.js';
export * from './values.js';
export * from './checksum.js';
export { STAGE, STAGE_LINE } from './stage.js';
