import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { distanceKm } from "~/domain/places/distance";
import { findDistrict } from "~/domain/residents/districts";
import {
  type BookableService,
  directoryHref,
  groupServices,
  residentOrigin,
} from "./service-groups";

let counter = 0;
function service(
  kind: string,
  name: string,
  place: { district: string; latitude: number; longitude: number; slug?: string },
): BookableService {
  counter += 1;
  const slug = place.slug ?? `place-${counter}`;
  return {
    slug: `${slug}-${kind}-${counter}`,
    kind,
    name: { ko: name, en: `${name} (en)` },
    place: { slug, name: { ko: `장소 ${slug}`, en: `Place ${slug}` }, ...place },
  };
}

const mapo = residentOrigin("mapo")!;
const MAPO = { district: "mapo", latitude: 37.556, longitude: 126.922 };
const JUNG = { district: "jung", latitude: 37.564, longitude: 126.998 };
const GANGNAM = { district: "gangnam", latitude: 37.498, longitude: 127.028 };

describe("services grouped for 'for me'", () => {
  it("makes the same service at many places one entry, nearest place first", () => {
    const rooms = [GANGNAM, MAPO, JUNG].map((where) => service("study_room", "스터디룸", where));
    const groups = groupServices([...rooms, service("study_room", "스터디룸 (14실)", JUNG)], mapo);
    expect(groups).toHaveLength(1);
    const [group] = groups;
    expect(group!.entryCount).toBe(2);
    expect(group!.placeCount).toBe(4);
    expect(group!.entries[0]).toMatchObject({
      name: { ko: "스터디룸" },
      placeCount: 3,
      first: { serviceSlug: rooms[1]!.slug, district: "mapo" },
    });
    expect(group!.entries[1]!.name.ko).toBe("스터디룸 (14실)");
  });

  it("orders the groups by kind, advice first and rooms last, whatever order they come in", () => {
    const groups = groupServices(
      [
        service("study_room", "스터디룸", MAPO),
        service("photo", "증명사진", MAPO),
        service("counseling", "취업상담", MAPO),
        service("something_new", "새 서비스", MAPO),
      ],
      null,
    );
    expect(groups.map((g) => g.kind)).toEqual([
      "counseling",
      "photo",
      "study_room",
      "something_new",
    ]);
  });

  it("shows a few entries per group and counts the rest", () => {
    const centers = Array.from({ length: 7 }, (_, i) =>
      service("labor_consultation", `노동상담 ${i}`, {
        ...GANGNAM,
        latitude: GANGNAM.latitude + i * 0.01,
      }),
    );
    const [group] = groupServices(centers, mapo, 3);
    expect(group!.entries).toHaveLength(3);
    expect(group!.entryCount).toBe(7);
    expect(group!.placeCount).toBe(7);
  });

  it("without a district, lists the most widely offered first, then by name", () => {
    const [group] = groupServices(
      [
        service("counseling", "나 상담", GANGNAM),
        service("counseling", "가 상담", MAPO),
        service("counseling", "다 상담", MAPO),
        service("counseling", "다 상담", JUNG),
      ],
      null,
    );
    expect(group!.entries.map((e) => e.name.ko)).toEqual(["다 상담", "가 상담", "나 상담"]);
    expect(group!.directoryHref).toBe("/places?service=counseling");
  });

  it("links the directory filtered by kind, from the district's office when known", () => {
    expect(directoryHref("study_room", mapo)).toBe(
      `/places?service=study_room&near=${findDistrict("mapo")!.lat}%2C${findDistrict("mapo")!.lng}`,
    );
    expect(residentOrigin("outside")).toBeNull();
    expect(residentOrigin(null)).toBeNull();
  });

  it("always books the nearest place, and lists entries by their nearest place", () => {
    const point = fc.record({
      latitude: fc.double({ min: 37.43, max: 37.7, noNaN: true }),
      longitude: fc.double({ min: 126.8, max: 127.18, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom("가", "나", "다"), point), {
          minLength: 1,
          maxLength: 12,
        }),
        (offers) => {
          const services = offers.map(([name, where]) =>
            service("counseling", name, { district: "jung", ...where }),
          );
          const [group] = groupServices(services, mapo, 10);
          const distanceOf = (slug: string) => {
            const found = services.find((s) => s.slug === slug)!;
            return distanceKm(mapo, { lat: found.place.latitude, lng: found.place.longitude });
          };
          const nearest = group!.entries.map((e) => distanceOf(e.first.serviceSlug));
          expect(nearest).toEqual([...nearest].sort((a, b) => a - b));
          for (const entry of group!.entries) {
            const same = services.filter((s) => s.name.ko === entry.name.ko);
            expect(distanceOf(entry.first.serviceSlug)).toBe(
              Math.min(...same.map((s) => distanceOf(s.slug))),
            );
          }
        },
      ),
    );
  });
});
