import { dataUi, fill } from '../../i18n/data';
import type { EntityCollection } from '../../schemas/common';
import { COLLECTION_TABLES, EXPORT_TABLES, type TableName } from '../publishing/exports';
import { aboutUrl, csvExportName, DATAPACKAGE_FILE, DATASET_FILE, exportUrl, withAnchor } from '../routes';
import type { LinkView } from './views';

/** The heading id of the about page's section on the data files (src/content/docs/about.md). */
export const ABOUT_DATA_SECTION = 'download-the-data';

/** One file to download: its words, address and media type. */
export interface DownloadLink extends LinkView {
  type: string;
}

/** The download links a page shows (DownloadLinks.astro). */
export interface DownloadsView {
  /** Accessible name of the list. */
  label: string;
  /** A heading above the links, where the page has none of its own for them. */
  heading?: string;
  /** Words before the links, where they have no heading. */
  lead?: string;
  links: DownloadLink[];
  /** Where the files are explained, when the page is not that place. */
  help?: LinkView;
}

function csvLink(table: TableName): DownloadLink {
  return {
    text: fill(dataUi.downloads.csv, { title: dataUi.tables[table].title }),
    href: exportUrl(csvExportName(table)),
    type: 'text/csv',
  };
}

/**
 * The downloads of an index page (the tables of its collection, then the whole dataset and its
 * description, and where they are explained) or, without a collection, of every table (the about
 * page's list).
 */
export function downloadsView(collection?: EntityCollection): DownloadsView {
  const tables = collection ? COLLECTION_TABLES[collection] : EXPORT_TABLES;
  return {
    label: dataUi.downloads.label,
    links: [
      ...tables.map(csvLink),
      { text: dataUi.downloads.dataset, href: exportUrl(DATASET_FILE), type: 'application/json' },
      { text: dataUi.downloads.datapackage, href: exportUrl(DATAPACKAGE_FILE), type: 'application/json' },
    ],
    ...(collection
      ? {
          heading: dataUi.downloads.label,
          help: { text: dataUi.downloads.help, href: withAnchor(aboutUrl(), ABOUT_DATA_SECTION) },
        }
      : { lead: dataUi.downloads.lead }),
  };
}
