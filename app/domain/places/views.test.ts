import { describe, expect, it } from "vitest";
import { featureCollection, type PlaceFeature } from "./views";

function feature(slug: string, lng: number, lat: number): PlaceFeature {
  return {
    type: "Feature",
    id: slug,
    geometry: { type: "Point", coordinates: [lng, lat] },
    properties: {
      slug,
      url: `/places/${slug}`,
      kind: "rest_shelter",
      subKind: null,
      nameKo: slug,
      nameEn: slug,
      addressKo: "",
      addressEn: "",
      district: "mapo",
      phone: null,
      openNow: true,
      coordinatesApproximate: false,
      isSampleData: false,
      provenance: {} as PlaceFeature["properties"]["provenance"],
      lastVerifiedAt: null,
    },
  };
}

const sangam = feature("sangam", 126.8895, 37.5794);
const hapjeong = feature("hapjeong", 126.9139, 37.5495);
const seocho = feature("seocho", 127.0144, 37.4918);
const all = [hapjeong, sangam, seocho];

describe("featureCollection", () => {
  it("keeps every feature, in its order, without a viewport or a position", () => {
    expect(featureCollection(all, { bbox: null, near: undefined }).features).toEqual(all);
  });

  it("cuts out the viewport, its edges included", () => {
    const mapo = featureCollection(all, { bbox: [126.88, 37.54, 126.93, 37.59], near: undefined });
    expect(mapo.features.map((f) => f.id)).toEqual(["hapjeong", "sangam"]);
    const edge = featureCollection(all, {
      bbox: [127.0144, 37.4918, 127.1, 37.6],
      near: undefined,
    });
    expect(edge.features.map((f) => f.id)).toEqual(["seocho"]);
  });

  it("orders by distance with each distance, leaving the features it was given unchanged", () => {
    const near = featureCollection(all, { bbox: null, near: { lat: 37.4918, lng: 127.0144 } });
    expect(near.features.map((f) => f.id)).toEqual(["seocho", "hapjeong", "sangam"]);
    expect(near.features[0]!.properties.distanceKm).toBe(0);
    expect(near.features[1]!.properties.distanceKm).toBeGreaterThan(8);
    expect(all.map((f) => f.properties.distanceKm)).toEqual([undefined, undefined, undefined]);
  });
});
