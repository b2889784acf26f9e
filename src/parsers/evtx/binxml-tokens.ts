import type { ChunkContext } from './chunk-context.ts';

/** Binary XML tokens; 0x40 on the first five kinds means "more follows" (attributes, ...). */
export const TOKEN = {
  EOF: 0x00,
  OPEN_START_ELEMENT: 0x01,
  CLOSE_START_ELEMENT: 0x02,
  CLOSE_EMPTY_ELEMENT: 0x03,
  END_ELEMENT: 0x04,
  VALUE: 0x05,
  ATTRIBUTE: 0x06,
  CDATA_SECTION: 0x07,
  CHAR_REF: 0x08,
  ENTITY_REF: 0x09,
  PI_TARGET: 0x0a,
  PI_DATA: 0x0b,
  TEMPLATE_INSTANCE: 0x0c,
  NORMAL_SUBSTITUTION: 0x0d,
  OPTIONAL_SUBSTITUTION: 0x0e,
  FRAGMENT_HEADER: 0x0f,
} as const;

export const MORE_FLAG = 0x40;

/** A token that cannot be decoded: the record is counted as corrupt. */
export class BinXmlError extends Error {
  override name = 'BinXmlError';
}

/** Nesting deeper than this (elements, templates, binary XML inside values) is hostile input. */
export const MAX_DEPTH = 64;

/** A position in a chunk while reading binary XML. */
export interface BinXmlCursor {
  context: ChunkContext;
  pos: number;
  /** How deep in elements and nested fragments the reader is. */
  depth: number;
  /** Nodes the record may still produce: templates reused inside templates could multiply them. */
  budget: { nodes: number };
}

/** No real record comes near this many nodes; a crafted one that does is counted as corrupt. */
export const MAX_RECORD_NODES = 100_000;
