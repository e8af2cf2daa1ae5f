/**
 * Keyboard state of a combobox with a list of options (the WAI-ARIA combobox pattern): focus stays
 * in the text field and the arrow keys move a highlight through the options, announced through
 * `aria-activedescendant`. The highlight is an option's index, or -1 when none is highlighted.
 */

/** No option highlighted: Enter submits what was typed. */
export const NO_OPTION = -1;

/**
 * The option highlighted after a key press, or `undefined` when the key is not one the list
 * handles (so the field keeps it). ArrowDown goes to the next option and ArrowUp to the previous
 * one, both wrapping around; from no highlight, ArrowDown starts at the first and ArrowUp at the
 * last. With no options nothing is highlighted.
 */
export function nextOption(key: string, active: number, count: number): number | undefined {
  if (key !== 'ArrowDown' && key !== 'ArrowUp') return undefined;
  if (count <= 0) return NO_OPTION;
  if (active < 0 || active >= count) return key === 'ArrowDown' ? 0 : count - 1;
  return key === 'ArrowDown' ? (active + 1) % count : (active - 1 + count) % count;
}
