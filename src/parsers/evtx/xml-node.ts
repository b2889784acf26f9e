/**
 * Binary XML decoded into a small tree. Template definitions hold `sub` placeholders; a record's
 * tree, once its template is instantiated, holds only elements, text and processing instructions.
 */
export type XmlNode = XmlElement | XmlText | XmlSubstitution | XmlInstruction;

export interface XmlElement {
  kind: 'element';
  name: string;
  attributes: XmlAttribute[];
  children: XmlNode[];
}

export interface XmlAttribute {
  name: string;
  value: XmlNode[];
}

export interface XmlText {
  kind: 'text';
  text: string;
  /** An array value: its items (the text is them joined), kept for unnamed `Data` elements. */
  items?: string[];
}

export interface XmlSubstitution {
  kind: 'sub';
  index: number;
  /** Optional substitutions whose value is null leave no trace (an attribute is dropped). */
  optional: boolean;
}

export interface XmlInstruction {
  kind: 'pi';
  target: string;
  data: string;
}

/** The text content of nodes (elements contribute theirs), as an XML parser reports `.text`. */
export function textOf(nodes: readonly XmlNode[]): string {
  if (nodes.length === 1) {
    const only = nodes[0] as XmlNode;
    if (only.kind === 'text') return only.text;
  }
  let text = '';
  for (const node of nodes) {
    if (node.kind === 'text') text += node.text;
    else if (node.kind === 'element') text += textOf(node.children);
  }
  return text;
}

/** The first child element with this name. */
export function childElement(element: XmlElement, name: string): XmlElement | undefined {
  for (const child of element.children) if (child.kind === 'element' && child.name === name) return child;
  return undefined;
}

/** An attribute's text, or undefined when the element has no such attribute. */
export function attributeText(element: XmlElement, name: string): string | undefined {
  for (const attribute of element.attributes) if (attribute.name === name) return textOf(attribute.value);
  return undefined;
}
