import type { APIRoute, GetStaticPaths } from 'astro';
import type { ExportFile } from '../../lib/publishing/exports';
import { contentKey, getExports } from '../../publishing';

// One CSV file per table of the data exports (src/lib/publishing/exports.ts): /data/companies.csv, …
export const getStaticPaths = (async () =>
  (await getExports()).flatMap((file) =>
    file.table ? [{ params: { table: file.table }, props: { file }, cacheKey: contentKey(file.text) }] : [],
  )) satisfies GetStaticPaths;

export const GET: APIRoute<{ file: ExportFile }> = ({ props }) =>
  new Response(props.file.text, { headers: { 'content-type': `${props.file.mediatype}; charset=utf-8` } });
