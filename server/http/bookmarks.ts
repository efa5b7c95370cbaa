import type { ApolloServerPlugin } from '@apollo/server';
import type express from 'express';
import { RequestBookmarks } from '../db/database.ts';
import type { Context } from '../graphql/context.ts';
import { badUserInput } from '../shared/errors.ts';

/**
 * The header that carries causal consistency between a client and any process of the service: an
 * answer to a write names the bookmark it left, and a request that sends it back is answered from a
 * database that holds that write, whichever process and cluster member answers (see Database).
 */
export const bookmarkHeader = 'samverkan-bookmark';

/** Neo4j's bookmarks are short tokens of these characters; a few per request at most. */
const bookmarkPattern = /^[A-Za-z0-9+/=:_-]{1,200}$/;
const mostBookmarks = 8;

export function bookmarksOf(req: express.Request): RequestBookmarks {
  const header = req.get(bookmarkHeader);
  if (!header) return new RequestBookmarks();
  const bookmarks = header.split(',').map((bookmark) => bookmark.trim()).filter(Boolean);
  if (bookmarks.length > mostBookmarks || !bookmarks.every((bookmark) => bookmarkPattern.test(bookmark))) {
    throw badUserInput(
      bookmarkHeader,
      `must be up to ${mostBookmarks} bookmarks this service gave, separated by commas`,
      `ska vara högst ${mostBookmarks} bokmärken som tjänsten gett, åtskilda med kommatecken`,
    );
  }
  return new RequestBookmarks(bookmarks);
}

/** Sends the bookmark a request's writes left, in the same header, for the client's next request. */
export const bookmarkPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        const written = contextValue.db.requestBookmarks?.written ?? [];
        if (written.length > 0) response.http.headers.set(bookmarkHeader, written.join(','));
      },
    };
  },
};
