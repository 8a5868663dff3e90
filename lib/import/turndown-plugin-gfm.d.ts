// @joplin/turndown-plugin-gfm ships no types: the one function the importer uses.
declare module '@joplin/turndown-plugin-gfm' {
  import type TurndownService from 'turndown';

  export function gfm(service: TurndownService): void;
}
