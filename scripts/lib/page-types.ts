/**
 * One page of each type of the bundled site, for checks that need only one page per template
 * (accessibility, layout) and for screenshots (scripts/screenshot.ts).
 */
export const PAGE_TYPES: Record<string, string> = {
  home: '/',
  'briefing-index': '/briefings/',
  briefing: '/briefings/chinese-battery-firms-turn-to-korean-partners/',
  'company-index': '/companies/',
  company: '/companies/catl/',
  person: '/people/choi-jae-hee/',
  deal: '/deals/lg-energy-solution-chery-ev-46-series-cells/',
  quote: '/quotes/choi-jae-hee-chery-deal-signal/',
  event: '/events/catl-hungary-plant-100-gwh/',
  source: '/sources/joongang-daily-2025-07-09-chinese-battery-firms-reach-out-to-korea/',
  timeline: '/timeline/',
  search: '/search/?q=CATL&type=event',
  about: '/about/',
  'not-found': '/no-such-page/',
};
