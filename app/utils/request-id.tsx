// The id of the request that rendered the page (the `X-Request-Id` header, also in the server's
// log lines), shown on error pages so that a resident can quote it. The server provides it from
// the load context; the browser reads it back from the rendered error page before hydrating.
// It belongs to the history entry the server rendered: an error met later by navigating in the
// browser came from another request, whose id the page does not know, so none is shown.
import { useLocation } from "@remix-run/react";
import { createContext, useContext } from "react";

type RenderedRequest = {
  id: string;
  /** key of the history entry the server rendered ("default" on the server itself) */
  locationKey: string;
};

const RequestIdContext = createContext<RenderedRequest>({ id: "", locationKey: "default" });
export const RequestIdProvider = RequestIdContext.Provider;

/** The attribute that carries the id in the error page (read by entry.client.tsx). */
export const REQUEST_ID_ATTRIBUTE = "data-request-id";

/** The id of the request that rendered this page, or "" when it is not known here. */
export function useRequestId(): string {
  const rendered = useContext(RequestIdContext);
  return useLocation().key === rendered.locationKey ? rendered.id : "";
}
