import type { NextFunction, Request, Response } from 'express';
import { languageOf, type Language } from '../shared/language.ts';

/** The language a request asked for in `Accept-Language`, as the API answers it. */
export function languageOfRequest(req: Request): Language {
  return languageOf(req.get('accept-language'));
}

/** Says in every answer of the API which language its messages are in; caches keep one answer per language. */
export function contentLanguage(req: Request, res: Response, next: NextFunction): void {
  res.set('content-language', languageOfRequest(req));
  res.vary('accept-language');
  next();
}
