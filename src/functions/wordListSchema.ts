/** JSON Schema for an option that lists extra words (lower-case letters, digits, `-` and `_`). */
export const wordListSchema = {
  type: 'array',
  items: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_-]*$' },
  uniqueItems: true,
} as const;
