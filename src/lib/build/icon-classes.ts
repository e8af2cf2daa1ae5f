/**
 * The class for each icon size and colour Starlight's components use (see the Icon replacement in
 * src/components/starlight/replaced/Icon.astro, whose stylesheet defines them). An unknown size or
 * colour fails the build by name rather than falling back to an inline style the CSP would block.
 */
const SIZES: Record<string, string> = {
  '1em': 'sl-icon-size-1em',
  '1rem': 'sl-icon-size-1rem',
  '1.2em': 'sl-icon-size-1-2em',
  '1.25rem': 'sl-icon-size-1-25rem',
  '1.333em': 'sl-icon-size-1-333em',
  '1.5em': 'sl-icon-size-1-5em',
  '1.5rem': 'sl-icon-size-1-5rem',
};

const COLORS: Record<string, string> = {
  'var(--sl-color-orange-high)': 'sl-icon-color-orange-high',
};

/** The classes that give an icon its size and colour. */
export function iconClasses(size: string, color?: string): string[] {
  const sizeClass = SIZES[size];
  if (!sizeClass) {
    throw new Error(`No class for the icon size "${size}": add it to src/lib/build/icon-classes.ts and Icon.astro.`);
  }
  if (color === undefined) return [sizeClass];
  const colorClass = COLORS[color];
  if (!colorClass) {
    throw new Error(`No class for the icon colour "${color}": add it to src/lib/build/icon-classes.ts and Icon.astro.`);
  }
  return [sizeClass, colorClass];
}

const SELECT_WIDTHS: Record<string, string> = { '6.25em': 'sl-select-width-6-25em' };

/** The class that gives Starlight's select (the theme picker) its width. */
export function selectWidthClass(width: string | undefined): string | undefined {
  if (width === undefined) return undefined;
  const name = SELECT_WIDTHS[width];
  if (!name) {
    throw new Error(
      `No class for the select width "${width}": add it to src/lib/build/icon-classes.ts and Select.astro.`,
    );
  }
  return name;
}
