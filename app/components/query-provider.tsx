import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";

/**
 * react-query for the parts of a page whose data changes while it is open (the map's viewport,
 * live places left). docs/architecture.md says when a loader or a fetcher is enough instead.
 *
 * One QueryClient for the app: created at the first mount in the browser and kept for the whole
 * visit, so every provider (and every page) shares one cache. On the server each render gets its
 * own, never shared between requests. The provider is mounted only by the parts that need it, so
 * pages without live data do not download react-query.
 */
let browserClient: QueryClient | undefined;

function makeQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1 } } });
}

export function getQueryClient(): QueryClient {
  if (typeof document === "undefined") return makeQueryClient();
  browserClient ??= makeQueryClient();
  return browserClient;
}

export function QueryProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(getQueryClient);
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
