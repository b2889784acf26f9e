// A deliberately small Markdown subset for runbooks: paragraphs, `-`/`1.` lists, **bold**, *em*,
// `code` and [text](url) links. Output is plain data; the component builds React elements from it,
// so raw HTML in the source is only ever text and link targets are checked here.

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong' | 'em'; children: Inline[] }
  | { kind: 'code'; text: string }
  | { kind: 'link'; href: string; external: boolean; children: Inline[] };

export type Block =
  { kind: 'paragraph'; children: Inline[] } | { kind: 'list'; ordered: boolean; items: Inline[][] };

const INLINE = /`([^`]+)`|\*\*(.+?)\*\*|\*([^*]+)\*|\[([^\]]+)\]\(([^)\s]+)\)/;

/** The href a link may have: http(s) URLs and dashboard paths ("/…", not "//host"); otherwise null. */
export function safeHref(url: string): { href: string; external: boolean } | null {
  if (/^\/(?![/\\])/.test(url)) return { href: url, external: false };
  if (/^https?:\/\//i.test(url)) {
    try {
      return { href: new URL(url).href, external: true };
    } catch {
      return null;
    }
  }
  return null;
}

export function parseInline(source: string): Inline[] {
  const out: Inline[] = [];
  let rest = source;
  for (let match = INLINE.exec(rest); match; match = INLINE.exec(rest)) {
    if (match.index > 0) out.push({ kind: 'text', text: rest.slice(0, match.index) });
    out.push(inlineOf(match));
    rest = rest.slice(match.index + match[0].length);
  }
  if (rest) out.push({ kind: 'text', text: rest });
  return out;
}

function inlineOf(match: RegExpExecArray): Inline {
  const [whole, code, strong, em, label, url] = match;
  if (code !== undefined) return { kind: 'code', text: code };
  if (strong !== undefined) return { kind: 'strong', children: parseInline(strong) };
  if (em !== undefined) return { kind: 'em', children: parseInline(em) };
  const safe = safeHref(url ?? '');
  if (!safe) return { kind: 'text', text: whole };
  return { kind: 'link', ...safe, children: parseInline(label ?? '') };
}

const ITEM = /^\s*(?:([-*])|(\d{1,3})\.)\s+(.*)$/;

export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', children: parseInline(paragraph.join(' ')) });
    paragraph = [];
  };
  for (const line of source.split(/\r?\n/)) {
    const item = ITEM.exec(line);
    if (item) {
      flush();
      const ordered = item[2] !== undefined;
      const last = blocks.at(-1);
      const list =
        last?.kind === 'list' && last.ordered === ordered
          ? last
          : (blocks[blocks.push({ kind: 'list', ordered, items: [] }) - 1] as Block & { kind: 'list' });
      list.items.push(parseInline(item[3] ?? ''));
    } else if (line.trim() === '') flush();
    else paragraph.push(line.trim());
  }
  flush();
  return blocks;
}
