/** Follows NextToken-style pagination to the end, merging pages. */
export async function collectPages<Page, Item>(
  fetchPage: (token: string | undefined) => Promise<Page>,
  items: (page: Page) => Item[] | undefined,
  nextToken: (page: Page) => string | undefined,
): Promise<Item[]> {
  const all: Item[] = [];
  let token: string | undefined;
  const seen = new Set<string>();
  do {
    const page = await fetchPage(token);
    all.push(...(items(page) ?? []));
    token = nextToken(page) || undefined;
    if (token !== undefined) {
      // A token that repeats would loop for ever on a misbehaving endpoint.
      if (seen.has(token)) throw Object.assign(new Error(`Pagination token repeated: ${token.slice(0, 40)}`), { name: 'PaginationLoop' });
      seen.add(token);
    }
  } while (token !== undefined);
  return all;
}
