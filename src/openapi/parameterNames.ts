/** A parameter name in the form the name lists compare: lower-case, without `_`, `-` and `$` (`Page_Size` -> `pagesize`). */
export function compactName(name: string): string {
  return name.toLowerCase().replace(/[-_$]/g, '');
}
