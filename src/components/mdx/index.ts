// The components authors can use in briefings without importing them.
export { default as Company } from './Company.astro';
export { default as Person } from './Person.astro';
export { default as Deal } from './Deal.astro';
export { default as Quote } from './Quote.astro';
export { default as Event } from './Event.astro';
export { default as Cite } from './Cite.astro';
// Headings in briefings get a permalink and a "copy link" button.
export { default as h2 } from './H2.astro';
export { default as h3 } from './H3.astro';
