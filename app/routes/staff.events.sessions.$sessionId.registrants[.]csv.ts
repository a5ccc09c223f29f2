// GET /staff/events/sessions/:sessionId/registrants.csv — a session's registrants for Excel
// (UTF-8 with BOM, formula cells neutralised: jobs/csv.ts), the host's staff only.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportRegistrants } from "~/domain/events/manage.server";
import { toExcelCsv } from "~/domain/jobs/csv";
import { seoulDate } from "~/domain/shared/seoul-time";
import { requireEventsStaff } from "~/routes-support/events-staff.server";
import { formatDateTime } from "~/utils/format";
import { refusalResponse } from "~/utils/http.server";
import { getLocale, getServerT } from "~/utils/i18n.server";
import { clientIp } from "~/utils/request.server";

const COLUMNS = ["registrationId", "name", "email", "phone", "registeredAt", "attendance"] as const;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireEventsStaff(request);
  const exported = await exportRegistrants(user, params.sessionId ?? "", { ip: clientIp(context) });
  if (!exported.ok) throw refusalResponse(exported);
  const [t, language] = [await getServerT(request), await getLocale(request)];
  const rows = exported.registrants.map((r) => {
    const gone = Boolean(r.resident.deletedAt);
    return [
      r.id,
      gone ? t("events:staff.registrants.deleted") : r.resident.name,
      gone ? null : r.resident.email,
      gone ? null : r.resident.phone,
      formatDateTime(r.createdAt, language),
      r.attendance ? t(`events:staff.attendance.${r.attendance as "attended"}`) : null,
    ];
  });
  const csv = toExcelCsv(
    COLUMNS.map((key) => t(`events:staff.csv.${key}`)),
    rows,
  );
  const day = seoulDate(exported.session.startsAt);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="registrants-${exported.session.program.slug}-${day}.csv"`,
      // Personal data: never kept by a shared cache.
      "Cache-Control": "private, no-store",
    },
  });
}
