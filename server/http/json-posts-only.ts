import type { RequestHandler } from 'express';

/**
 * A POST to /graphql must be JSON. A form or a `no-cors` fetch on another site can send only text,
 * form-encoded or multipart bodies without the browser asking this service first, so refusing those
 * keeps every cross-site POST from reaching GraphQL at all, with or without a session.
 */
export const jsonPostsOnly: RequestHandler = (req, res, next) => {
  if (req.method !== 'POST' || /^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) return next();
  res.status(415).json({
    errors: [
      {
        message: 'A POST must carry application/json; other bodies, which a form on another site can send, are refused (CSRF)',
        extensions: { code: 'BAD_REQUEST' },
      },
    ],
  });
};
