// The part of js-yaml (4.x) restlint's parser uses; js-yaml ships no types of its own.
declare module 'js-yaml' {
  interface TypeOptions {
    kind: 'scalar' | 'sequence' | 'mapping';
    resolve?: (data: never) => boolean;
    construct?: (data: never) => unknown;
  }
  export class Type {
    constructor(tag: string, options: TypeOptions);
  }
  export class Schema {
    constructor(definition: { implicit?: Type[]; explicit?: Type[] });
  }
  export interface LoadOptions {
    schema?: Schema;
    filename?: string;
    /** Called as the loader opens and closes each node, with its state (offset, kind, result so far). */
    listener?: (type: 'open' | 'close', state: { position: number; kind: string | null; result: unknown; anchor?: string | null }) => void;
  }
  export function load(text: string, options?: LoadOptions): unknown;
  const jsyaml: { Type: typeof Type; Schema: typeof Schema; load: typeof load };
  export default jsyaml;
}
