import { createResident, updateProfile } from "~/domain/residents/service.server";
import type { ProfileInput } from "~/domain/residents/schema";
import { startSession } from "~/utils/auth.server";
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
    { ip: `198.18.${Math.floor(counter / 250) % 250}.${counter % 250}` },
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

/** A signed session cookie for a resident, as after logging in. */
export async function sessionCookieFor(residentId: string): Promise<string> {
  const response = await startSession(residentId, "/");
  return cookieFrom(response.headers);
}
