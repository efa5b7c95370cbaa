import type { GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';

/**
 * What a client selected below a field, whatever the type conditions, fragments or aliases. Stores use it
 * to read in one statement what the nested resolvers would otherwise ask for one level at a time.
 */
export class Selection {
  private constructor(private readonly trees: ResolveTree[]) {}

  static of(info: GraphQLResolveInfo): Selection {
    const tree = parseResolveInfo(info) as ResolveTree | null;
    return new Selection(tree ? [tree] : []);
  }

  /** The selection under the named field (every alias of it, on any type). */
  child(name: string): Selection {
    return new Selection(
      this.trees.flatMap((tree) => Object.values(tree.fieldsByTypeName).flatMap((fields) => Object.values(fields).filter((field) => field.name === name))),
    );
  }

  /** Whether the named field is selected. */
  has(name: string): boolean {
    return this.child(name).exists();
  }

  /** Whether this field itself is selected at all. */
  exists(): boolean {
    return this.trees.length > 0;
  }

  hasAny(names: string[]): boolean {
    return names.some((name) => this.has(name));
  }
}
