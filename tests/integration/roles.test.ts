// Administrators give and take staff roles: who may, what is checked, what is written.
import { beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents } from "~/domain/audit/service.server";
import { getDb } from "~/utils/db.server";
import { loader as backOfficeLoader } from "~/routes/staff._index";
import { loader as peopleLoader } from "~/routes/staff.people._index";
import { action as personAction, loader as personLoader } from "~/routes/staff.people.$residentId";
import { call, formRequest, getRequest } from "#tests/factories/http";
import { makeAdmin, makeStaff } from "#tests/factories/places";
import { makeResident, sessionCookieFor } from "#tests/factories/residents";

const db = getDb();

type Reply = { status?: string; error?: Record<string, string[] | null> };
type PeopleList = { total: number; accounts: { id: string; role: string }[] };

let place: { id: string };
let organization: { id: string };
beforeAll(async () => {
  place = await db.place.create({
    data: {
      slug: `roles-place-${Date.now()}`,
      kind: "job_cafe",
      nameKo: "권한 시험 카페",
      nameEn: "Roles test café",
      addressKo: "-",
      addressEn: "-",
      district: "mapo",
      latitude: 37.55,
      longitude: 126.92,
    },
  });
  organization = await db.organization.create({
    data: {
      slug: `roles-org-${Date.now()}`,
      kind: "city",
      nameKo: "권한 시험 기관",
      nameEn: "Roles test org",
    },
  });
});

const roleOf = async (id: string) =>
  db.resident.findUniqueOrThrow({
    where: { id },
    select: { role: true, staffPlaceId: true, staffOrganizationId: true },
  });

function assign(cookie: string, residentId: string, fields: Record<string, string>) {
  return call(personAction, formRequest(`/staff/people/${residentId}`, fields, { cookie }), {
    residentId,
  });
}

describe("who may manage roles", () => {
  it("refuses residents and staff (403) and sends strangers to log in", async () => {
    const target = await makeResident();
    const resident = await makeResident();
    const residentCookie = await sessionCookieFor(resident.id);
    const staff = await makeStaff(place.id);
    for (const cookie of [residentCookie, staff.cookie]) {
      expect((await call(peopleLoader, getRequest("/staff/people", { cookie }))).status).toBe(403);
      expect(
        (
          await call(personLoader, getRequest(`/staff/people/${target.id}`, { cookie }), {
            residentId: target.id,
          })
        ).status,
      ).toBe(403);
      expect((await assign(cookie, target.id, { role: "admin" })).status).toBe(403);
    }
    const anonymous = await call(peopleLoader, getRequest("/staff/people"));
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toMatch(/^\/login\?redirectTo=/);
    // staff could not make anyone (themselves included) an administrator
    expect((await roleOf(target.id)).role).toBe("resident");
    expect((await roleOf(staff.id)).role).toBe("staff");
  });
});

describe("finding accounts", () => {
  it("searches by e-mail or name and filters by role, leaving deleted accounts out", async () => {
    const admin = await makeAdmin();
    const tag = `findme${Date.now()}`;
    const a = await makeResident({ email: `${tag}-a@example.test`, name: "가나다" });
    const b = await makeResident({ email: `${tag}-b@example.test`, name: "Bora" });
    await db.resident.update({
      where: { id: b.id },
      data: { role: "staff", staffPlaceId: place.id },
    });
    const gone = await makeResident({ email: `${tag}-c@example.test` });
    await db.resident.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });

    const byEmail = await call(
      peopleLoader,
      getRequest(`/staff/people?q=${tag.toUpperCase()}`, { cookie: admin.cookie }),
    );
    const found = byEmail.data as PeopleList;
    expect(found.total).toBe(2);
    expect(found.accounts.map((x) => x.id).sort()).toEqual([a.id, b.id].sort());

    const staffOnly = await call(
      peopleLoader,
      getRequest(`/staff/people?q=${tag}&role=staff`, { cookie: admin.cookie }),
    );
    expect((staffOnly.data as PeopleList).accounts.map((x) => x.id)).toEqual([b.id]);

    const byName = await call(
      peopleLoader,
      getRequest(`/staff/people?q=${encodeURIComponent("가나")}`, { cookie: admin.cookie }),
    );
    expect((byName.data as PeopleList).accounts.map((x) => x.id)).toContain(a.id);
    // names in Latin letters are found whatever their case, on either engine
    const byLatinName = await call(
      peopleLoader,
      getRequest(`/staff/people?q=bORA&role=staff`, { cookie: admin.cookie }),
    );
    expect((byLatinName.data as PeopleList).accounts.map((x) => x.id)).toContain(b.id);

    // control characters are dropped, not sent to the database (PostgreSQL refuses NUL in text;
    // the server refuses %00 in an address before this, a caller might not)
    const withControls = await call(
      peopleLoader,
      getRequest(`/staff/people?q=${tag.slice(0, 3)}%00${tag.slice(3)}%E2%80%AE`, {
        cookie: admin.cookie,
      }),
    );
    expect(withControls.status).toBe(200);
    expect((withControls.data as PeopleList).total).toBe(2);

    // an unknown role filter shows everyone instead of failing
    const unknown = await call(
      peopleLoader,
      getRequest(`/staff/people?q=${tag}&role=superuser&page=abc`, { cookie: admin.cookie }),
    );
    expect(unknown.status).toBe(200);
    expect((unknown.data as PeopleList).total).toBe(2);
  });
});

describe("changing a role", () => {
  it("makes a resident staff of a place and an organisation, audited, effective at once", async () => {
    const admin = await makeAdmin();
    const person = await makeResident();
    const personCookie = await sessionCookieFor(person.id);
    expect(
      (await call(backOfficeLoader, getRequest("/staff", { cookie: personCookie }))).status,
    ).toBe(403);

    const saved = await assign(admin.cookie, person.id, {
      role: "staff",
      staffPlaceId: place.id,
      staffOrganizationId: organization.id,
    });
    expect(saved.status).toBe(302);
    expect(saved.location).toBe(`/staff/people/${person.id}?saved=1`);
    expect(await roleOf(person.id)).toEqual({
      role: "staff",
      staffPlaceId: place.id,
      staffOrganizationId: organization.id,
    });
    // the person's existing session has the new role on its next request
    const backOffice = await call(backOfficeLoader, getRequest("/staff", { cookie: personCookie }));
    expect(backOffice.status).toBe(200);
    expect(backOffice.data).toMatchObject({ role: "staff", places: true, jobs: true });

    const events = await listAuditEvents({ subjectId: person.id, action: "resident.role" });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: admin.id });
    expect(JSON.parse(events[0]!.metadata)).toMatchObject({
      fromRole: "resident",
      toRole: "staff",
      toPlaceId: place.id,
    });

    // back to resident: the workplace goes with the role
    expect((await assign(admin.cookie, person.id, { role: "resident" })).status).toBe(302);
    expect(await roleOf(person.id)).toEqual({
      role: "resident",
      staffPlaceId: null,
      staffOrganizationId: null,
    });
    expect(
      (await call(backOfficeLoader, getRequest("/staff", { cookie: personCookie }))).status,
    ).toBe(403);
  });

  it("refuses bad input with a message and writes nothing", async () => {
    const admin = await makeAdmin();
    const person = await makeResident();
    const before = await roleOf(person.id);
    const cases: [Record<string, string>, string, string][] = [
      [{ role: "staff" }, "staffPlaceId", "account:people.staffNeedsWorkplace"],
      [{ role: "superuser" }, "role", "validation:invalidChoice"],
      [{}, "role", "validation:required"],
      [
        { role: "staff", staffPlaceId: "no-such-place" },
        "staffPlaceId",
        "validation:invalidChoice",
      ],
      [
        { role: "staff", staffOrganizationId: "no-such-org" },
        "staffOrganizationId",
        "validation:invalidChoice",
      ],
    ];
    for (const [fields, field, message] of cases) {
      const refused = await assign(admin.cookie, person.id, fields);
      expect(refused.status, JSON.stringify(fields)).toBe(400);
      const reply = (refused.data as { result: Reply }).result;
      expect(reply.error?.[field]).toEqual([message]);
      // what was chosen is sent back to the form
      expect(reply).toMatchObject({ initialValue: expect.objectContaining(fields) });
    }
    expect(await roleOf(person.id)).toEqual(before);
    expect(await listAuditEvents({ subjectId: person.id, action: "resident.role" })).toHaveLength(
      0,
    );
  });

  it("does not let an administrator change their own role", async () => {
    const admin = await makeAdmin();
    const refused = await assign(admin.cookie, admin.id, { role: "resident" });
    expect(refused.status).toBe(403);
    expect((refused.data as { result: Reply }).result.error?.[""]).toEqual([
      "account:people.ownRole",
    ]);
    expect((await roleOf(admin.id)).role).toBe("admin");
    const page = await call(
      personLoader,
      getRequest(`/staff/people/${admin.id}`, { cookie: admin.cookie }),
      { residentId: admin.id },
    );
    expect(page.data).toMatchObject({ isSelf: true });
  });

  it("answers 404 for a deleted or unknown account", async () => {
    const admin = await makeAdmin();
    const gone = await makeResident();
    await db.resident.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });
    for (const id of [gone.id, "no-such-account"]) {
      expect((await assign(admin.cookie, id, { role: "admin" })).status).toBe(404);
      const page = await call(
        personLoader,
        getRequest(`/staff/people/${id}`, { cookie: admin.cookie }),
        { residentId: id },
      );
      expect(page.status).toBe(404);
    }
    expect((await roleOf(gone.id)).role).toBe("resident");
  });
});
