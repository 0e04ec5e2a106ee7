const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Inline markup on already-escaped text: code, bold, italics and http(s)/relative links. */
function inline(escaped: string): string {
  const codes: string[] = [];
  let text = escaped.replace(/`([^`]+)`/g, (_, code: string) => {
    codes.push(`<code>${code}</code>`);
    return `\uE000${codes.length - 1}\uE001`;
  });
  text = text
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^*])\*([^*]+)\*/g, '$1<em>$2</em>')
    .replace(
      /\[([^\]]+)\]\(((?:https?:\/\/|\/)[^\s)]*)\)/g,
      '<a href="$2" rel="noopener noreferrer">$1</a>',
    );
  return text.replace(/\uE000(\d+)\uE001/g, (_, i: string) => codes[Number(i)]!);
}

/**
 * A small, safe Markdown subset for notes: headings, paragraphs, bullet and numbered lists,
 * fenced code, inline code, bold, italics and links. Everything is HTML-escaped first, so a
 * note can never inject markup or scripts.
 *
 * @example
 * renderMarkdown('# Plan\n- **k** from 2 to 8'); // '<h3>Plan</h3><ul><li><strong>k</strong> from 2 to 8</li></ul>'
 */
export function renderMarkdown(source: string): string {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const html: string[] = [];
  let paragraph: string[] = [];
  let list: { tag: 'ul' | 'ol'; items: string[] } | undefined;
  const flush = () => {
    if (paragraph.length > 0) html.push(`<p>${inline(escapeHtml(paragraph.join(' ')))}</p>`);
    paragraph = [];
    if (list !== undefined) {
      html.push(
        `<${list.tag}>${list.items.map((i) => `<li>${inline(escapeHtml(i))}</li>`).join('')}</${list.tag}>`,
      );
      list = undefined;
    }
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('```')) {
      flush();
      const code: string[] = [];
      while (++i < lines.length && !lines[i]!.startsWith('```')) code.push(lines[i]!);
      html.push(`<pre><code>${escapeHtml(code.join('\n'))}</code></pre>`);
      continue;
    }
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    const bullet = /^\s*[-*]\s+(.*)$/.exec(line);
    const numbered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      // Cells sit under the page's h1 and the cell's h2.
      const level = Math.min(6, heading[1]!.length + 2);
      html.push(`<h${level}>${inline(escapeHtml(heading[2]!))}</h${level}>`);
    } else if (bullet || numbered) {
      const tag = bullet ? 'ul' : 'ol';
      if (paragraph.length > 0 || (list !== undefined && list.tag !== tag)) flush();
      list ??= { tag, items: [] };
      list.items.push((bullet ?? numbered)![1]!);
    } else if (line.trim() === '') {
      flush();
    } else {
      if (list !== undefined) flush();
      paragraph.push(line.trim());
    }
  }
  flush();
  return html.join('\n');
}
