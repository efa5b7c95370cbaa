import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RowsBuilder, rowLength, rowOf, sharedInRows, transpose, withRows } from '../../server/network/network-index/adjacency.ts';
import { BestCandidates } from '../../server/network/network-index/best-candidates.ts';
import { compareNames, ranksOf, reordered, sortedItems } from '../../server/network/network-index/order.ts';
import { FirstByName } from '../../server/network/network-index/suggest.ts';
import { addBit, membersOf, sharedCount, wordsFor } from '../../server/network/network-index/bitset.ts';
import { retransposed } from '../../server/network/network-index/catch-up/packed-rows.ts';

const rows = fc.array(fc.array(fc.integer({ min: 0, max: 19 }), { maxLength: 8 }), { maxLength: 12 });

function builderOf(input: number[][]): RowsBuilder {
  const builder = new RowsBuilder();
  input.forEach((row) => builder.push(row));
  return builder;
}

describe('packed rows', () => {
  it('keep each row in order, mapped, without repeats and without what the map leaves out', () => {
    fc.assert(
      fc.property(rows, (input) => {
        const evenHalved = (value: number) => (value % 2 === 0 ? value / 2 : undefined);
        const packed = builderOf(input).build(10, evenHalved);
        input.forEach((row, r) => {
          const expected = [...new Set(row.filter((v) => v % 2 === 0).map((v) => v / 2))];
          expect([...rowOf(packed, r)]).toEqual(expected);
        });
      }),
    );
  });

  it('read from the other end list, for each target, the rows that hold it', () => {
    fc.assert(
      fc.property(rows, (input) => {
        const byTarget = transpose(builderOf(input).build(20), 20);
        for (let target = 0; target < 20; target++) {
          const expected = input.flatMap((row, r) => (row.includes(target) ? [r] : []));
          expect([...rowOf(byTarget, target)]).toEqual(expected);
        }
      }),
    );
  });

  it('read from the other end over chosen rows list, for each target, those rows that hold it, in the order chosen', () => {
    fc.assert(
      fc.property(rows.chain((input) => fc.tuple(fc.constant(input), fc.shuffledSubarray([...input.keys()]))), ([input, chosen]) => {
        const byTarget = transpose(builderOf(input).build(20), 20, Int32Array.from(chosen));
        for (let target = 0; target < 20; target++) {
          expect([...rowOf(byTarget, target)]).toEqual(chosen.filter((r) => input[r]!.includes(target)));
        }
      }),
    );
  });

  it('count each row and what two rows have in common', () => {
    fc.assert(
      fc.property(rows, (input) => {
        const packed = builderOf(input).build(20);
        input.forEach((row, a) => {
          expect(rowLength(packed, a)).toBe(new Set(row).size);
          input.forEach((other, b) => expect(sharedInRows(packed, a, b)).toBe([...new Set(row)].filter((v) => other.includes(v)).length));
        });
      }),
    );
  });
});

describe('bit sets', () => {
  it('count and list shared members across words, bit 31 included', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 70 })), fc.uniqueArray(fc.integer({ min: 0, max: 70 })), (a, b) => {
        const words = wordsFor(71);
        const bits = new Uint32Array(2 * words);
        a.forEach((bit) => addBit(bits, 0, words, bit));
        b.forEach((bit) => addBit(bits, 1, words, bit));
        const shared = a.filter((bit) => b.includes(bit)).sort((x, y) => x - y);
        expect(sharedCount(bits, 0, bits.subarray(words), words)).toBe(shared.length);
        expect(membersOf(bits, 0, words)).toEqual([...a].sort((x, y) => x - y));
      }),
    );
    expect(wordsFor(27)).toBe(1);
    expect(wordsFor(0)).toBe(1);
  });
});

describe('the best candidates', () => {
  it('are those a full sort by score descending, then name (missing last), then id would put first', () => {
    const candidate = fc.record({ score: fc.integer({ min: 0, max: 4 }), name: fc.option(fc.constantFrom('Å', 'Ä', 'a', 'b'), { nil: null }) });
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 30 }), fc.integer({ min: 1, max: 6 }), (candidates, size) => {
        const names = candidates.map((c) => c.name);
        const ids = candidates.map((_, i) => `id-${String(i).padStart(2, '0')}`);
        const best = new BestCandidates(size, ranksOf(sortedItems(ids.length, compareNames(names, ids)), ids.length));
        candidates.forEach((c, i) => {
          if (best.wouldTake(i, c.score)) best.add(i, c.score);
        });
        const sorted = candidates
          .map((c, i) => ({ ...c, i }))
          .sort((x, y) => y.score - x.score || (x.name === y.name ? 0 : x.name === null ? 1 : y.name === null ? -1 : x.name < y.name ? -1 : 1) || (ids[x.i]! < ids[y.i]! ? -1 : 1));
        expect(best.inOrder().map((entry) => entry.actor)).toEqual(sorted.slice(0, size).map((c) => c.i));
        // What a further candidate must reach: the last one's score once full, anything before.
        expect(best.scoreToReach()).toBe(sorted.length >= size ? sorted[size - 1]!.score : -Infinity);
      }),
    );
  });
});

describe('the common partners named', () => {
  it('are the first of a stable sort by name in Swedish order, a missing name as empty', () => {
    const swedish = new Intl.Collator('sv');
    const name = fc.option(fc.constantFrom('Å', 'Ä', 'Ö', 'a', 'A', 'b', 'z', 'Zeta'), { nil: null });
    fc.assert(
      fc.property(fc.array(name, { maxLength: 40 }), fc.integer({ min: 0, max: 5 }), (names, count) => {
        const actors = [...names.keys()].reverse();
        const sorted = [...actors].sort((a, b) => swedish.compare(names[a] ?? '', names[b] ?? ''));
        const first = new FirstByName(names, count);
        for (const actor of actors) first.offer(actor);
        expect(first.chosen).toEqual(sorted.slice(0, count));
      }),
    );
  });
});

describe('changing a few rows of packed lists', () => {
  it('gives the rows a build of the changed lists would give, the others unchanged', () => {
    fc.assert(
      fc.property(rows, fc.dictionary(fc.integer({ min: 0, max: 15 }).map(String), fc.array(fc.integer({ min: 0, max: 19 }), { maxLength: 5 })), (before, changes) => {
        const builder = new RowsBuilder();
        for (const row of before) builder.push(row);
        const packed = builder.build(20);
        const replaced = new Map(Object.entries(changes).map(([row, values]) => [Number(row), Int32Array.from(values)]));
        const rowCount = Math.max(before.length, ...[...replaced.keys()].map((row) => row + 1));
        const changed = withRows(packed, replaced, rowCount);
        for (let row = 0; row < rowCount; row++) {
          const expected = replaced.get(row) ?? (row < before.length ? rowOf(packed, row) : new Int32Array(0));
          expect([...rowOf(changed, row)]).toEqual([...expected]);
        }
      }),
    );
  });
});

describe('reading changed rows from the other end', () => {
  it('gives what transposing the changed list again would give', () => {
    fc.assert(
      fc.property(rows, fc.dictionary(fc.integer({ min: 0, max: 15 }).map(String), fc.array(fc.integer({ min: 0, max: 19 }), { maxLength: 5 })), (before, changes) => {
        const packed = builderOf(before).build(20);
        const replaced = new Map(Object.entries(changes).map(([row, values]) => [Number(row), Int32Array.from(new Set(values))]));
        const rowCount = Math.max(before.length, ...[...replaced.keys()].map((row) => row + 1));
        const after = withRows(packed, replaced, rowCount);
        const rowBefore = (row: number) => (row < before.length ? rowOf(packed, row) : new Int32Array(0));
        const kept = retransposed(transpose(packed, 20), replaced.keys(), rowBefore, (row) => rowOf(after, row), 20);
        const rebuilt = transpose(after, 20);
        for (let target = 0; target < 20; target++) expect([...rowOf(kept, target)], `target ${target}`).toEqual([...rowOf(rebuilt, target)]);
      }),
    );
  });
});

describe('putting moved items back in order', () => {
  it('gives the order a full sort of the changed names would give', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.constantFrom<string>('Å', 'Ä', 'a', 'b', 'c'), { nil: null }), { minLength: 1, maxLength: 30 }),
        fc.array(fc.tuple(fc.nat(), fc.option(fc.constantFrom('Å', 'b', 'd'), { nil: null })), { maxLength: 6 }),
        fc.nat({ max: 4 }),
        (names, renames, added) => {
          const ids = names.map((_, i) => `id-${String(i).padStart(2, '0')}`);
          const before = sortedItems(ids.length, compareNames(names, ids));
          const moved = new Set<number>();
          for (const [at, name] of renames) {
            names[at % names.length] = name;
            moved.add(at % names.length);
          }
          for (let n = 0; n < added; n++) {
            moved.add(names.length);
            ids.push(`id-new-${n}`);
            names.push('b');
          }
          expect([...reordered(before, moved, compareNames(names, ids))]).toEqual([...sortedItems(ids.length, compareNames(names, ids))]);
        },
      ),
    );
  });
});
