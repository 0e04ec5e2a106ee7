import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.ts';

describe('renderMarkdown', () => {
  it('renders headings, lists, paragraphs and inline markup', () => {
    expect(
      renderMarkdown('# Plan\n- **k** from 2 to 8\n- see `seed`\n\nOne\nparagraph *here*.'),
    ).toBe(
      '<h3>Plan</h3>\n<ul><li><strong>k</strong> from 2 to 8</li><li>see <code>seed</code></li></ul>\n<p>One paragraph <em>here</em>.</p>',
    );
    expect(renderMarkdown('1. first\n2. second')).toBe('<ol><li>first</li><li>second</li></ol>');
  });

  it('escapes HTML everywhere, including code blocks', () => {
    expect(renderMarkdown('<script>alert(1)</script>')).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>',
    );
    expect(renderMarkdown('```\n<b>x</b>\n```')).toBe(
      '<pre><code>&lt;b&gt;x&lt;/b&gt;</code></pre>',
    );
  });

  it('links only http(s) and relative URLs', () => {
    expect(renderMarkdown('[docs](https://example.org/a)')).toBe(
      '<p><a href="https://example.org/a" rel="noopener noreferrer">docs</a></p>',
    );
    expect(renderMarkdown('[x](javascript:alert(1))')).toBe('<p>[x](javascript:alert(1))</p>');
  });
});
