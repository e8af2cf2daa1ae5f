import { readFile } from 'node:fs/promises';
import { imageMetadata } from 'astro/assets/utils';
import sharp from 'sharp';
import type { BriefingImage } from './site-links';

const AGAIN = 'export or download it again';
/** The formats of IMAGE_EXTENSIONS (briefing-policy.ts), as an author names them. */
export const SHOWN_FORMATS = 'PNG, JPEG, GIF, WebP or AVIF';

/**
 * Why the image at `path` cannot be shown in a briefing and what to do, or undefined when it can.
 * First Astro's own test (the build stops on a file whose header it cannot read), then the whole
 * image decoded as Astro's image service decodes it: Astro publishes an image it cannot decode as
 * it is, with a warning, and readers get a broken image. SVG, which briefings may not show (it can
 * carry script), is refused whatever the file's name.
 */
export async function unreadableImage(bytes: Uint8Array, path: string): Promise<string | undefined> {
  let format: string;
  try {
    ({ format } = await imageMetadata(bytes, path));
  } catch {
    return `it is not an image (its first bytes are not those of a ${SHOWN_FORMATS} file): ${AGAIN}`;
  }
  if (format === 'svg') return 'it is an SVG file, which a briefing may not show: export it as PNG or WebP';
  try {
    // Only a cut-off file fails: libpng also warns about harmless things (an unusual colour profile).
    await sharp(bytes, { failOn: 'truncated', pages: -1 }).raw().toBuffer();
    return undefined;
  } catch (error) {
    // What the decoder said, on one line, each thing once (libvips repeats a warning per row).
    const lines = (error instanceof Error ? error.message : String(error)).split('\n').map((l) => l.trim());
    const kept: string[] = [];
    for (const line of lines) if (line && !kept.some((k) => k.includes(line))) kept.push(line);
    const reason = kept.join(' ').replace(/\s+/g, ' ').replace(/[:.]$/, '');
    return `it is not a whole ${format.toUpperCase()} image (the decoder says: ${reason || 'it cannot be decoded'}): ${AGAIN}`;
  }
}

/**
 * One line per local image of a briefing that cannot be shown, naming the briefing's line, the
 * image as written, what is wrong and the fix. Each file is read once, however often it is shown.
 */
export async function imageProblems(images: readonly BriefingImage[]): Promise<string[]> {
  const verdicts = new Map<string, Promise<string | undefined>>();
  for (const { path } of images) {
    if (!verdicts.has(path))
      verdicts.set(
        path,
        readFile(path).then(
          (bytes) => unreadableImage(bytes, path),
          () => 'it cannot be read: put the image file itself there',
        ),
      );
  }
  const problems: string[] = [];
  for (const { at, url, path } of images) {
    const reason = await verdicts.get(path)!;
    if (reason)
      problems.push(`${at}: expected an image file in briefings/, found ${JSON.stringify(url)}, and ${reason}.`);
  }
  return problems;
}
