/** One collected item as a fetcher, a person or an import hands it to the pipeline. */
export interface RawItem {
  url: string | null;
  title: string;
  /** Plain text (fetchers convert HTML first). */
  content: string;
  author: string | null;
  publishedAt: Date | null;
}

/** The source an item came from, as far as the pipeline needs it. */
export interface IngestSource {
  id: string;
  orgId: string;
  region: string | null;
}
