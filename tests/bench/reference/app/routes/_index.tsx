import { useLoaderData } from "@remix-run/react";

export function loader() {
  return {
    items: Array.from({ length: 50 }, (_, i) => ({
      id: i + 1,
      name: `Item ${i + 1}`,
      detail: `A short description of item ${i + 1}, about as long as a list entry`,
    })),
  };
}

export default function Index() {
  const { items } = useLoaderData<typeof loader>();
  return (
    <main>
      <h1>Reference</h1>
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            <strong>{item.name}</strong> {item.detail}
          </li>
        ))}
      </ul>
    </main>
  );
}
