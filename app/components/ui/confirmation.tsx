import { useEffect, useRef, type ReactNode } from "react";

/**
 * What just happened — booked, applied, saved — as a GOV.UK-style confirmation that takes focus
 * when it appears: a live region that arrives already filled is not read out, a focused message
 * is, and Tab goes on from there. With JavaScript off the page arrives with it (autoFocus). The
 * root's focus-on-arrival leaves focus here (`data-arrival-focus`).
 */
export function Confirmation({ children }: { children: ReactNode }) {
  const message = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    message.current?.focus();
  }, []);
  return (
    <p
      ref={message}
      role="status"
      className="notice success"
      tabIndex={-1}
      data-arrival-focus=""
      // eslint-disable-next-line jsx-a11y/no-autofocus -- the page's news, where reading starts
      autoFocus
    >
      {children}
    </p>
  );
}
