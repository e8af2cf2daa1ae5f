import { AstroError } from 'astro/errors';
import type { ContentError } from '../lib/content/content-errors';

/**
 * A content mistake as an error Astro prints plainly: the one-line problems, the hint, and the
 * file as its location, without a stack trace into our loader (which would only distract).
 */
export function toAstroError(error: ContentError, file?: string): AstroError {
  const astroError = new AstroError(
    error.message,
    error.hint ?? 'Fix the field named above; nothing is published until every content file is valid.',
  );
  astroError.name = 'InvalidContent';
  astroError.stack = '';
  if (file) (astroError as AstroError & { loc?: { file: string } }).loc = { file };
  return astroError;
}
