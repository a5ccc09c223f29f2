import { notFound } from "~/utils/http.server";

// Any path no route matches: a real 404 page in the person's language (the root error boundary).
export async function loader() {
  throw notFound();
}

export default function NotFound() {
  return null;
}
