// The back office's program and session forms filled in from what is saved (Seoul dates and
// times from the stored instants, the criteria as the postings' forms show them).
import { criteriaValues } from "~/domain/jobs/form-values";
import { seoulParts } from "~/domain/shared/seoul-time";

type CriteriaRow = Parameters<typeof criteriaValues>[0];

export function programFormValues(program: {
  kind: string;
  titleKo: string;
  titleEn: string;
  descriptionKo: string;
  descriptionEn: string;
  placeId: string | null;
  venueKo: string;
  venueEn: string;
  district: string | null;
  format: string;
  onlineUrl: string | null;
  languages: string;
  accessibilityNotesKo: string;
  accessibilityNotesEn: string;
  status: string;
  eligibility: CriteriaRow;
}) {
  return {
    kind: program.kind,
    titleKo: program.titleKo,
    titleEn: program.titleEn,
    descriptionKo: program.descriptionKo,
    descriptionEn: program.descriptionEn,
    placeId: program.placeId ?? undefined,
    venueKo: program.venueKo || undefined,
    venueEn: program.venueEn || undefined,
    district: program.district ?? undefined,
    format: program.format,
    onlineUrl: program.onlineUrl ?? undefined,
    languages: program.languages.split(",").filter(Boolean),
    accessibilityNotesKo: program.accessibilityNotesKo || undefined,
    accessibilityNotesEn: program.accessibilityNotesEn || undefined,
    status: program.status,
    ...criteriaValues(program.eligibility),
  };
}

function dateAndTime(instant: Date) {
  const parts = seoulParts(instant);
  return { date: parts.date, time: parts.time };
}

export function sessionFormValues(session: {
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  registrationOpensAt: Date;
  registrationClosesAt: Date;
  allocation: string;
  drawAt: Date | null;
  confirmHours: number;
}) {
  const start = dateAndTime(session.startsAt);
  const end = dateAndTime(session.endsAt);
  const opens = dateAndTime(session.registrationOpensAt);
  const closes = dateAndTime(session.registrationClosesAt);
  return {
    startDate: start.date,
    startTime: start.time,
    endDate: end.date,
    endTime: end.time,
    capacity: String(session.capacity),
    opensDate: opens.date,
    opensTime: opens.time,
    closesDate: closes.date,
    closesTime: closes.time,
    allocation: session.allocation,
    ...(session.drawAt
      ? { drawDate: dateAndTime(session.drawAt).date, drawTime: dateAndTime(session.drawAt).time }
      : {}),
    confirmHours: String(session.confirmHours),
  };
}
