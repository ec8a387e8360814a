/**
 * The shape of a finding's message: the message with the values that differ from place to place masked, so
 * that findings a reader would take for "the same thing again" share one shape and those that differ in
 * substance do not. Masked: quoted and backticked values (`apiVersion`, "application/json", '#/x'), lists of
 * them (`a`, `b` and `c` is one value, and so is a list cut short with `, …`), URLs and slashed paths outside quotes, and numbers. What stays is the
 * wording a rule chooses per verdict ("is the verb" against "contains the verb"), which is what tells kinds of
 * finding apart.
 */
export function messageShape(message: string): string {
  return (
    message
      // Quoted values first: what they hold (slashes, digits, spaces) is masked with them.
      .replace(/`[^`]*`/g, VALUE)
      .replace(/"[^"]*"/g, VALUE)
      // Single quotes only around one word-like token: "the guidelines' status codes" and "API's" are prose.
      .replace(/(^|[\s([{:,])'[^'\s]+'(?=$|[\s)\]},.;:])/g, `$1${VALUE}`)
      .replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s"'`)\]]+/gi, VALUE)
      .replace(/(^|\s)[^\s"'`]*[a-z0-9_.@{}-]\/[^\s"'`]*/gi, `$1${VALUE}`)
      .replace(/\b\d+(?:\.\d+)*\b/g, NUMBER)
      // A list of values is one value, however long: `message`, `code` against `id`, `message`, `request_id`.
      .replace(LIST, VALUE)
  );
}

const VALUE = '‹…›';
const NUMBER = '‹n›';
const LIST = new RegExp(`${VALUE}(?:(?:, (?:and |or )?| and | or )${VALUE})+(?:, …)?`, 'g');
