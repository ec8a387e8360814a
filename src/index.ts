export { createLinter } from './lint.js';
