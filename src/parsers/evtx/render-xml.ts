import type { XmlElement, XmlNode } from './xml-node.ts';

/** The record as XML text, the way the Event Viewer's XML view shows it: `event.original`. */
export function renderXml(nodes: readonly XmlNode[]): string {
  let out = '';
  for (const node of nodes) out += renderNode(node);
  return out;
}

function renderNode(node: XmlNode): string {
  switch (node.kind) {
    case 'element':
      return renderElement(node);
    case 'text':
      return escapeXml(node.text, false);
    case 'pi':
      return node.data ? `<?${node.target} ${node.data}?>` : `<?${node.target}?>`;
    case 'sub':
      return '';
  }
}

function renderElement(element: XmlElement): string {
  let out = `<${element.name}`;
  for (const attribute of element.attributes) {
    let value = '';
    for (const node of attribute.value) if (node.kind === 'text') value += node.text;
    out += ` ${attribute.name}="${escapeXml(value, true)}"`;
  }
  if (element.children.length === 0) return `${out}/>`;
  return `${out}>${renderXml(element.children)}</${element.name}>`;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const TEXT_SPECIALS = /[&<>]/g;
const ATTRIBUTE_SPECIALS = /[&<>"]/g;

function escapeXml(text: string, attribute: boolean): string {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // & < > and, in attributes, "
    if (code === 38 || code === 60 || code === 62 || (attribute && code === 34)) {
      return text.replace(attribute ? ATTRIBUTE_SPECIALS : TEXT_SPECIALS, (char) => ESCAPES[char] as string);
    }
  }
  return text;
}
