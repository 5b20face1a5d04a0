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
  /** The owner unit's materialised path: who, besides the public, may match its items. */
  orgPath: string;
  /** Fetched public sources feed every unit's topics; manual ones only their own line of units. */
  shared: boolean;
  region: string | null;
}
