import { EntityPreviews } from './entity-preview';

// The preview cards of the page, started by preview-intent.ts on a reader's first intent (it
// loads this file as a plain script, then replays that intent for the cards to answer).
new EntityPreviews().listen();
