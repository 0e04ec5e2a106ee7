import { describe, expect, it } from 'vitest';
import { NotebookError } from './cell.ts';
import { DependencyGraph } from './dependency-graph.ts';

const node = (id: string, inputs: string[] = []) => ({ id, inputs });

describe('DependencyGraph', () => {
  it('orders inputs before readers, ties in notebook order', () => {
    const graph = new DependencyGraph([
      node('p', ['k']),
      node('m'),
      node('k'),
      node('r', ['p', 'c']),
      node('c'),
    ]);
    expect(graph.order).toEqual(['m', 'k', 'c', 'p', 'r']);
    expect(graph.dependentsOf('k')).toEqual(['p']);
    expect(graph.inputsOf('r')).toEqual(['p', 'c']);
  });

  it('finds every downstream cell in dependency order', () => {
    const graph = new DependencyGraph([
      node('a'),
      node('c', ['b']),
      node('b', ['a']),
      node('d', ['a', 'c']),
      node('e'),
    ]);
    expect(graph.downstreamOf('a')).toEqual(['b', 'c', 'd']);
    expect(graph.downstreamOf('c')).toEqual(['d']);
    expect(graph.downstreamOf('e')).toEqual([]);
  });

  it('refuses cycles, self-reads, unknown inputs and duplicate ids', () => {
    expect(() => new DependencyGraph([node('a', ['b']), node('b', ['a'])])).toThrow(
      new NotebookError('the cells "a", "b" read each other in a cycle'),
    );
    expect(() => new DependencyGraph([node('a', ['a'])])).toThrow(NotebookError);
    expect(() => new DependencyGraph([node('a', ['zz'])])).toThrow(
      'cell "a" reads "zz", which is not in the notebook',
    );
    expect(() => new DependencyGraph([node('a'), node('a')])).toThrow('two cells have the id "a"');
  });

  it('tells whether new inputs would close a cycle', () => {
    const graph = new DependencyGraph([node('a'), node('b', ['a']), node('c', ['b']), node('d')]);
    expect(graph.wouldCycle('a', ['c'])).toBe(true);
    expect(graph.wouldCycle('a', ['a'])).toBe(true);
    expect(graph.wouldCycle('a', ['d'])).toBe(false);
    expect(graph.wouldCycle('c', ['a', 'd'])).toBe(false);
  });
});
