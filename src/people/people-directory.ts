/**
 * Where the names of people come from. Each channel registers a source for the user ids it issues
 * (Slack's users.info for `slack:…`, the Teams roster for `teams:…`) when it starts; the core asks it
 * through `namePeople` and keeps what it hears. A user id nobody can name stays unnamed, never shown.
 */
export interface NameSource {
  /** The start of the user ids this source can name, e.g. `slack:`. */
  prefix: string;
  /** The person's display name as the platform shows it, or undefined when it does not know them. */
  fetchName(userId: string): Promise<string | undefined>;
}

export class PeopleDirectory {
  private readonly sources = new Set<NameSource>();

  /** Returns the function that unregisters the source (when its channel stops). */
  register(source: NameSource): () => void {
    this.sources.add(source);
    return () => void this.sources.delete(source);
  }

  sourceFor(userId: string): NameSource | undefined {
    return [...this.sources].find((s) => userId.startsWith(s.prefix));
  }
}
