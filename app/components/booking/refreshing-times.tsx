// The live part of the time picker, loaded only after the page is interactive (decision 0012):
// react-query polls the day's JSON route every 15 seconds and hands each answer to the list. It
// renders nothing itself: the list the page showed stays in place (and keeps the focus of a
// keyboard user on their time) while its places left are refreshed.
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { QueryProvider } from "~/components/query-provider";
import type { TimeChoice } from "~/domain/booking/types";

async function fetchTimes(source: string, signal: AbortSignal): Promise<TimeChoice[]> {
  const response = await fetch(source, { signal, headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`availability ${response.status}`);
  return ((await response.json()) as { times: TimeChoice[] }).times;
}

export type RefreshedTimes = { source: string; times: TimeChoice[]; failed: boolean };

type RefresherProps = {
  source: string;
  /** the loader's times: where polling starts */
  times: TimeChoice[];
  onRefresh: (refreshed: RefreshedTimes) => void;
};

function Refresher({ source, times, onRefresh }: RefresherProps) {
  const query = useQuery({
    queryKey: ["booking-times", source],
    queryFn: ({ signal }) => fetchTimes(source, signal),
    initialData: times,
    // The app shares one QueryClient: dropping these times once no picker shows them makes the
    // next page that shows them start from its own loader's data, never from an older visit's.
    gcTime: 0,
    refetchInterval: 15_000,
  });
  useEffect(
    () => onRefresh({ source, times: query.data, failed: query.isRefetchError }),
    [source, query.data, query.isRefetchError, onRefresh],
  );
  return null;
}

export default function RefreshingTimes(props: RefresherProps) {
  return (
    <QueryProvider>
      <Refresher {...props} />
    </QueryProvider>
  );
}
