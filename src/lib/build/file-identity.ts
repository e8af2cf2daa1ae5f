import { statSync } from 'node:fs';

/**
 * A file's identity on disk: device, inode, size and modification time (nanoseconds). Two equal
 * readings are the same file with, as far as the file system can tell, the same bytes: a file
 * written again in place gets another modification time, one written anew or saved by renaming
 * another inode. A page an incremental build did not render again is the same file from build to
 * build (Astro's kept copy, linked: src/lib/build/page-cache.ts). Undefined when there is no file.
 */
export function fileIdentity(file: string): string | undefined {
  const stat = statSync(file, { bigint: true, throwIfNoEntry: false });
  return stat?.isFile() ? `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}` : undefined;
}
