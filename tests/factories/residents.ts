import { createResident, updateProfile } from "~/domain/residents/service.server";
import type { ProfileInput } from "~/domain/residents/schema";
import { startSession } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";
import { getDb } from "~/utils/db.server";
import { cookieFrom } from "./http";

let counter = 0;

export const TEST_PASSWORD = "correct horse battery";

export async function makeResident(profile: Partial<ProfileInput> & { email?: string } = {}) {
  counter += 1;
  const email = profile.email ?? `resident${counter}-${Date.now()}@example.test`;
  const result = await createResident(
    {
      email,
      name: profile.name ?? `Resident ${counter}`,
      password: TEST_PASSWORD,
      preferredLanguage: "ko",
    },
    // a documentation address of its own for each (sign-ups are limited per address)
    { ip: `198.18.${Math.floor(counter / 250) % 250}.${counter % 250}`, now: now() },
  );
  if (!result.ok) throw new Error(`could not create ${email}`);
  if (Object.keys(profile).some((key) => key !== "email" && key !== "name")) {
    await updateProfile(
      result.residentId,
      {
        name: profile.name ?? `Resident ${counter}`,
        preferredLanguage: profile.preferredLanguage ?? "ko",
        registeredJobSeeker: profile.registeredJobSeeker ?? null,
        hasRegularIncome: profile.hasRegularIncome ?? null,
        birthDate: profile.birthDate,
        district: profile.district,
        employmentStatus: profile.employmentStatus,
        phone: profile.phone,
        workerType: profile.workerType,
      },
      { ip: null },
    );
  }
  return { id: result.residentId, email };
}

/**
 * Many residents at once, written in one statement: for races, where what matters is what they
 * do, not how they signed up (makeResident goes through sign-up: consents, audit, welcome message).
 */
export async function makeResidents(count: number, profile: { birthDate?: string } = {}) {
  counter += 1;
  const batch = `${Date.now().toString(36)}-${counter}`;
  const rows = Array.from({ length: count }, (_, i) => ({
    id: `resident-${batch}-${i}`,
    email: `resident-${batch}-${i}@example.test`,
    name: `Resident ${batch} ${i}`,
    birthDate: profile.birthDate ?? null,
  }));
  await getDb().resident.createMany({ data: rows });
  return rows.map(({ id, email }) => ({ id, email }));
}

/** A signed session cookie for a resident, as after logging in. */
export async function sessionCookieFor(residentId: string): Promise<string> {
  const response = await startSession(residentId, "/");
  return cookieFrom(response.headers);
}
