import { z } from 'zod';
import type { Viewer } from '../auth/viewer.ts';
import type { Transaction } from '../db/database.ts';
import { writeSources } from '../repositories/sources.ts';
import { notFound } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { idInput, partialDate, printable } from '../shared/inputs.ts';
import { authorOf } from './author.ts';
import { inBoth, say } from '../shared/zod-language.ts';

const httpUrl = z
  .string()
  .trim()
  .max(2000, inBoth('must be at most 2000 characters', 'får vara högst 2000 tecken'))
  .refine((text) => {
    try {
      const url = new URL(text);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, inBoth('must be an http or https address', 'måste vara en http- eller https-adress'));

/** An existing source by id, or a new one: a title with a url or a publisher (exactly one of id and title). */
export const sourceInput = z
  .object({
    id: idInput.nullish(),
    title: printable(300).pipe(z.string().min(2, inBoth('must be at least 2 characters', 'måste vara minst 2 tecken'))).nullish(),
    url: httpUrl.nullish(),
    publisher: printable(200).nullish(),
    published: partialDate.nullish(),
    document: printable(300).nullish(),
  })
  .superRefine((source, ctx) => {
    if (source.id && (source.title || source.url || source.publisher || source.published || source.document)) {
      ctx.addIssue({ code: 'custom', path: ['id'], message: say('names an existing source: leave the other fields out', 'anger en befintlig källa: lämna de andra fälten tomma') });
    } else if (!source.id && !source.title) {
      ctx.addIssue({ code: 'custom', path: ['title'], message: say('is needed for a new source (or give the id of an existing one)', 'behövs för en ny källa (eller ange id för en befintlig)') });
    } else if (!source.id && !source.url && !source.publisher) {
      ctx.addIssue({ code: 'custom', path: ['url'], message: say('a new source needs a url or a publisher', 'en ny källa behöver en url eller en utgivare') });
    }
  });
export type SourceInput = z.infer<typeof sourceInput>;

/** The source a write cites: its id, known at once, and the statement that checks or writes it, already sent. */
export interface CitedSource {
  id: string;
  sent: Promise<void>;
}

/**
 * Cites the existing source `source` names (NOT_FOUND at `field`.id when there is none), or writes a new
 * one in the same transaction. The id is known before Neo4j answers, so the write that cites it can be
 * sent in the same round trip; the transaction must not commit before `sent` has settled.
 */
export function citeSource(tx: Transaction, source: SourceInput, viewer: Viewer, field = 'input.source'): CitedSource {
  if (source.id) {
    const checked = tx.run({ text: 'MATCH (s:Source {id: $id}) RETURN s.id', parameters: { id: source.id } }).then((found) => {
      if (found.records.length === 0) throw notFound(`${field}.id`, 'names no source', 'anger ingen källa');
    });
    return { id: source.id, sent: checked };
  }
  const id = newId();
  const row = { id, title: source.title!, url: source.url ?? null, publisher: source.publisher ?? null, published: source.published ?? null, document: source.document ?? null };
  return { id, sent: writeSources(tx, [row], { author: authorOf(viewer) }) };
}

/** The id of the source a write cites, once Neo4j has checked or written it (see citeSource). */
export async function citedSource(tx: Transaction, source: SourceInput, viewer: Viewer, field = 'input.source'): Promise<string> {
  const cited = citeSource(tx, source, viewer, field);
  await cited.sent;
  return cited.id;
}

/** What an organisation says of itself, cited as itself on the day it said it. */
export function selfCitation(tx: Transaction, organizationName: string, viewer: Viewer): CitedSource {
  const today = new Date().toISOString().slice(0, 10);
  return citeSource(tx, { title: `${organizationName}: egen uppgift`, publisher: organizationName, published: today }, viewer);
}
