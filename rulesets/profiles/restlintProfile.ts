// Entry of dist/restlint-profile.mjs: the profile builder for JavaScript team rulesets.
export { restlintProfile as default } from './profile.js';
