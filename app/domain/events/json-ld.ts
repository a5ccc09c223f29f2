// schema.org Event for search engines: one Event per program with its next (or first) session
// as the dates and every session as a subEvent, the attendance mode, the host and the place.
// Texts come in the page's language; the caller passes them.

export type EventFacts = {
  url: string;
  name: string;
  description: string;
  format: string;
  onlineUrl: string | null;
  organizer: { name: string; website: string | null };
  location: { name: string; streetAddress: string | null; locality: string | null } | null;
  sessions: {
    startsAt: Date;
    endsAt: Date;
    status: string;
    seatsLeft: number;
    registrationOpensAt?: Date;
  }[];
  language: string;
  isAccessibleForFree: boolean;
};

const MODE = {
  in_person: "https://schema.org/OfflineEventAttendanceMode",
  online: "https://schema.org/OnlineEventAttendanceMode",
  hybrid: "https://schema.org/MixedEventAttendanceMode",
} as const;

function status(session: { status: string }) {
  return session.status === "cancelled"
    ? "https://schema.org/EventCancelled"
    : "https://schema.org/EventScheduled";
}

/**
 * A free seat as schema.org describes it: price 0 in won, in stock while seats are left (sold out
 * when none are, discontinued once called off), from the day registration opens.
 */
function offer(session: EventFacts["sessions"][number], url: string) {
  return {
    "@type": "Offer",
    price: 0,
    priceCurrency: "KRW",
    url,
    availability:
      session.status === "cancelled"
        ? "https://schema.org/Discontinued"
        : session.seatsLeft > 0
          ? "https://schema.org/InStock"
          : "https://schema.org/SoldOut",
    ...(session.registrationOpensAt
      ? { validFrom: session.registrationOpensAt.toISOString() }
      : {}),
  };
}

export function eventJsonLd(facts: EventFacts, now: Date) {
  const main =
    facts.sessions.find((s) => s.endsAt > now && s.status !== "cancelled") ?? facts.sessions[0];
  const locations: object[] = [];
  if (facts.location && facts.format !== "online") {
    locations.push({
      "@type": "Place",
      name: facts.location.name,
      address: {
        "@type": "PostalAddress",
        ...(facts.location.streetAddress ? { streetAddress: facts.location.streetAddress } : {}),
        ...(facts.location.locality ? { addressLocality: facts.location.locality } : {}),
        addressRegion: facts.language === "ko" ? "서울특별시" : "Seoul",
        addressCountry: "KR",
      },
    });
  }
  if (facts.onlineUrl && facts.format !== "in_person") {
    locations.push({ "@type": "VirtualLocation", url: facts.onlineUrl });
  }
  return {
    "@context": "https://schema.org",
    "@type": "Event",
    name: facts.name,
    description: facts.description,
    url: facts.url,
    inLanguage: facts.language,
    eventAttendanceMode: MODE[facts.format as keyof typeof MODE] ?? MODE.in_person,
    ...(main
      ? {
          startDate: main.startsAt.toISOString(),
          endDate: main.endsAt.toISOString(),
          eventStatus: status(main),
          remainingAttendeeCapacity: main.seatsLeft,
          offers: offer(main, facts.url),
        }
      : {}),
    ...(locations.length === 1 ? { location: locations[0] } : {}),
    ...(locations.length > 1 ? { location: locations } : {}),
    organizer: {
      "@type": "Organization",
      name: facts.organizer.name,
      ...(facts.organizer.website ? { url: facts.organizer.website } : {}),
    },
    isAccessibleForFree: facts.isAccessibleForFree,
    subEvent: facts.sessions.map((session) => ({
      "@type": "Event",
      name: facts.name,
      startDate: session.startsAt.toISOString(),
      endDate: session.endsAt.toISOString(),
      eventStatus: status(session),
      eventAttendanceMode: MODE[facts.format as keyof typeof MODE] ?? MODE.in_person,
      remainingAttendeeCapacity: session.seatsLeft,
      offers: offer(session, facts.url),
      ...(locations.length === 1 ? { location: locations[0] } : {}),
      ...(locations.length > 1 ? { location: locations } : {}),
    })),
  };
}
