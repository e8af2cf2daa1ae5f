/**
 * Loads a module of `src/` from a script that runs with plain Node (type stripping only).
 *
 * The site's code imports without file extensions, from folders (`../../schemas`) and from
 * `astro/zod`, as Vite resolves them; Node's own loader cannot. Rather than a second build step
 * or a copy of the code, scripts import it through Vite's module runner (`runnerImport`, the
 * loader Astro itself uses for its config), so `npm run check:content`, `npm run new` and
 * `npm run schemas` run the very code the build runs. Loading takes about half a second.
 */
import { join } from 'node:path';
import { runnerImport } from 'vite';

/** The project's root: scripts are run from it by npm. */
export const PROJECT = process.cwd();

/** Imports `src/…` (a path relative to the project) through Vite's module runner. */
export async function importSource<T>(path: string): Promise<T> {
  const { module } = await runnerImport<T>(join(PROJECT, path), {
    configFile: false,
    root: PROJECT,
    logLevel: 'error',
    // Nothing to serve or watch: the runner only transforms the modules it is asked for.
    server: { watch: null, ws: false },
  });
  return module;
}
