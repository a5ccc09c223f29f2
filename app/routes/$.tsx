// Any path no route matches: a real 404 page in the person's language (the root error boundary).
export async function loader() {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return null;
}
