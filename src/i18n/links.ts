/**
 * Interface copy (English) of what the site publishes for use elsewhere: link previews, feeds,
 * email snippets, the newsletter copy action, the copy link and citation buttons and redirect
 * pages. Kept apart from `ui.ts` so each area's strings live together; `{name}`-style
 * placeholders are filled by {@link fill}.
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
    /** A deal's or event's item text: its date and status, then its summary. */
    itemText: '{lead} {summary}',
    date: '{label}: {date}',
    status: '{label}: {status}',
  },
  email: {
    readOnline: 'Read this briefing online',
    published: 'Published {date}',
    updated: 'updated {date}',
    sources: 'Sources',
    dealFacts: 'Deal facts',
    /** An event's marker in the email's text when the event is past due: "[by the end of 2025; past due]". */
    markerPastDue: '{date}; {flag}',
    /** An image of the briefing, which the email does not carry: its description, linked to the page. */
    image: '[Image: {alt}]',
    /** The same for an image without a description. */
    imageUndescribed: '[Image]',
    footer: 'You are receiving this briefing from {site}.',
  },
  follow: {
    title: 'Follow',
    siteIntro: 'New briefings in your feed reader:',
    companyTitle: 'Follow {name}',
    companyIntro: 'New deals, events and briefings that involve {name}, in your feed reader:',
    rss: 'RSS',
    jsonFeed: 'JSON Feed',
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
  share: {
    /** The one control per quote, deal or event that opens its sharing options. */
    share: 'Share',
    /** Its accessible name, "Share this quote": the visible word first, then what is shared. */
    shareSubject: 'Share {subject}',
    /** Accessible name of the link to a shared thing's own page: "Quote page: this quote". */
    permalink: '{link}: {subject}',
    copyLink: 'Copy link',
    copyLinkTo: 'Copy link to {subject}',
    linkCopied: 'Link copied',
    copyCitation: 'Copy citation',
    copyCitationOf: 'Copy citation of {subject}',
    citationCopied: 'Citation copied',
    /** When the browser refuses to copy: the text is shown instead, to copy by hand. */
    blocked: 'Copying is blocked here; the text is: {text}',
  },
  redirect: {
    title: 'Moved: {title}',
    heading: 'This page has moved',
    body: 'It is now at',
  },
} as const;

export { aroundPlaceholder, fill } from './fill';
