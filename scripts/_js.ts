import { importSource, PROJECT } from './support/source.ts';
const { createSchemas } = await importSource<any>('src/schemas/index.ts');
const { idReference } = await importSource<any>('src/lib/content/check.ts');
const { loadSiteConfig } = await importSource<any>('src/lib/content/site-config.ts');
const { z } = await import('zod');
const site = loadSiteConfig(PROJECT + '/src/content', PROJECT);
const schemas = createSchemas({ reference: idReference, vocabulary: site.vocabulary });
try {
const js = z.toJSONSchema(schemas.deals, { io: 'input', target: 'draft-7', unrepresentable: 'any' });
console.log(JSON.stringify(js, null, 1).slice(0, 3000));
} catch (e) { console.log('ERR', e.message); }
