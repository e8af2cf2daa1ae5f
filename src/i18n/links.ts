/**
 * Interface copy (English) of what the site publishes for use elsewhere: link previews, feeds,
 * email snippets, the newsletter copy action and redirect pages. Kept apart from `ui.ts` so each
 * area's strings live together; `{name}`-style placeholders are filled by {@link fill}.
 */
export const linksUi = {
  preview: {
    home: 'Home',
    index: 'Index',
    page: 'Page',
    pageOf: 'Page {page} of {last}',
    fullList: 'Full list',
    published: 'Published {date}',
    updated: 'updated {date}',
    deals: 'Deals',
    alsoKnownAs: 'Also known as',
    /** Alt text of a preview image: "Link preview: Company card for CATL". */
    alt: 'Link preview: {type} card for {title}',
  },
  feeds: {
    briefingsTitle: '{site}: briefings',
    briefingsRss: '{site}: briefings (RSS)',
    briefingsJson: '{site}: briefings (JSON Feed)',
    companyTitle: '{site}: {company}',
    companyDescription: 'Deals, events and briefings that involve {company}, newest first.',
    companyRss: '{company}: what’s new (RSS)',
    deal: 'Deal',
    event: 'Event',
    briefing: 'Briefing',
  },
  email: {
    readOnline: 'Read this briefing online',
    published: 'Published {date}',
    updated: 'updated {date}',
    sources: 'Sources',
    dealFacts: 'Deal facts',
    footer: 'You are receiving this briefing from {site}.',
  },
  newsletter: {
    heading: 'Share in a newsletter',
    copy: 'Copy for newsletter',
    copied: 'Copied the briefing for your newsletter, as formatted text with a plain-text version.',
    copiedPlain: 'Copied the briefing for your newsletter as plain text.',
    failed: 'Could not copy: your browser did not allow it. Use the links to the email versions instead.',
    html: 'Email HTML',
    text: 'Plain text',
    intro: 'Ready-made versions of this briefing for an email newsletter:',
  },
  redirect: {
    title: 'Moved: {title}',
    heading: 'This page has moved',
    body: 'It is now at',
  },
} as const;

export { aroundPlaceholder, fill } from './fill';
