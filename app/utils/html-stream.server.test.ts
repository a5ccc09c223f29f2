import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { describe, expect, it } from "vitest";
import { htmlBody } from "./html-stream.server";

/** What comes out of the body, chunk by chunk, while `write` feeds it and then ends it. */
async function chunksOut(write: (body: ReturnType<typeof htmlBody>) => Promise<void> | void) {
  const body = htmlBody();
  const out: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      out.push(chunk.toString("utf8"));
      callback();
    },
  });
  const done = pipeline(body, sink);
  await write(body);
  body.end();
  await done;
  return out;
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe("the page's HTML stream", () => {
  it("sends what the renderer writes in one go as one chunk", async () => {
    const out = await chunksOut((body) => {
      for (const piece of ["<!DOCTYPE html>", '<html lang="ko">', "<body>", "일자리"])
        body.write(Buffer.from(piece));
    });
    expect(out).toEqual(['<!DOCTYPE html><html lang="ko"><body>일자리']);
  });

  it("still streams what is written later (a Suspense boundary), in its own chunk", async () => {
    const out = await chunksOut(async (body) => {
      body.write(Buffer.from("<main>"));
      body.write(Buffer.from("<p>잠시만요</p>"));
      await nextTurn();
      body.write(Buffer.from("<template>쉼터 3곳</template>"));
      await nextTurn();
      body.write(Buffer.from("</main>"));
    });
    expect(out).toEqual(["<main><p>잠시만요</p>", "<template>쉼터 3곳</template>", "</main>"]);
  });

  it("keeps what is written just before the end", async () => {
    const out = await chunksOut((body) => {
      body.write(Buffer.from("<p>끝"));
      body.write(Buffer.from("</p>"));
    });
    expect(out.join("")).toBe("<p>끝</p>");
  });

  it("drops the NUL bytes React 18 leaves where a Korean character did not fit its buffer", async () => {
    const out = await chunksOut((body) => {
      body.write(Buffer.concat([Buffer.from("청년"), Buffer.from([0, 0])]));
      body.write(Buffer.from("일자리"));
    });
    expect(out.join("")).toBe("청년일자리");
    expect(out.join("")).not.toContain("\0");
  });

  it("drops NUL bytes wherever they are, keeping every byte between them", async () => {
    const out = await chunksOut((body) => {
      body.write(Buffer.concat([Buffer.from([0]), Buffer.from("<p>"), Buffer.from([0, 0, 0])]));
      body.write(Buffer.concat([Buffer.from("쉼터"), Buffer.from([0]), Buffer.from("</p>")]));
      body.write(Buffer.from([0, 0]));
    });
    expect(out.join("")).toBe("<p>쉼터</p>");
  });
});
