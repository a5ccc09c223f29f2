// The live part of the time picker, loaded only after the page is interactive (decision 0012):
// react-query polls the day's JSON route every 15 seconds and the list follows.
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { QueryProvider } from "~/components/query-provider";
import type { TimeChoice } from "~/domain/booking/types";
import { TimeList, type TimeListProps } from "./time-list";

async function fetchTimes(source: string, signal: AbortSignal): Promise<TimeChoice[]> {
  const response = await fetch(source, { signal, headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`availability ${response.status}`);
  return ((await response.json()) as { times: TimeChoice[] }).times;
}

function Refreshing({ source, times, action }: TimeListProps & { source: string }) {
  const { t } = useTranslation("booking");
  const query = useQuery({
    queryKey: ["booking-times", source],
    queryFn: ({ signal }) => fetchTimes(source, signal),
    initialData: times,
    // The app shares one QueryClient: dropping these times once no picker shows them makes the
    // next page that shows them start from its own loader's data, never from an older visit's.
    gcTime: 0,
    refetchInterval: 15_000,
  });
  return (
    <>
      <TimeList times={query.data} action={action} />
      <p className="hint">{t("picker.live")}</p>
      {query.isRefetchError ? <p role="status">{t("picker.refreshFailed")}</p> : null}
    </>
  );
}

export default function RefreshingTimes(props: TimeListProps & { source: string }) {
  return (
    <QueryProvider>
      <Refreshing {...props} />
    </QueryProvider>
  );
}
