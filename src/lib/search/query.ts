/**
 * Quotation marks readers put around a name or phrase: straight, curly, low-9, guillemets and CJK
 * corner brackets. Apostrophes (CATL's, Chery’s) are part of words and stay.
 */
const QUOTATION_MARKS = /["“”„‟«»「」『』]/g;

/**
 * The term to give Pagefind for what a reader typed: quotation marks removed, spaces collapsed.
 * Pagefind reads `"Choi Jae-hee"` as an exact phrase and ranks phrase matches without the weights
 * that put an entity's own page first (the institute that employs her came first); a reader who
 * quotes a name wants that name's page, so the words are searched as words.
 */
export function searchTerm(query: string): string {
  return query.replace(QUOTATION_MARKS, ' ').replace(/\s+/g, ' ').trim();
}
