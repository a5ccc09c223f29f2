// The id of the request that rendered the page (the `X-Request-Id` header, also in the server's
// log lines), shown on error pages so that a resident can quote it. The server provides it from
// the load context; the browser reads it back from the rendered error page before hydrating.
import { createContext, useContext } from "react";

const RequestIdContext = createContext<string>("");
export const RequestIdProvider = RequestIdContext.Provider;
export const useRequestId = () => useContext(RequestIdContext);

/** The attribute that carries the id in the error page (read by entry.client.tsx). */
export const REQUEST_ID_ATTRIBUTE = "data-request-id";
