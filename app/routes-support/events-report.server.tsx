// The report's chart, drawn on the server as SVG with visx (decision 0029): the page gets plain
// markup, so the chart works without JavaScript and adds nothing to the page's JavaScript. Its
// numbers are also the table twin that follows it on the page.
import { AxisBottom, AxisLeft } from "@visx/axis";
import { Group } from "@visx/group";
import { scaleBand, scaleLinear, scaleOrdinal } from "@visx/scale";
import { BarGroup } from "@visx/shape";
import { renderToStaticMarkup } from "react-dom/server";
import type { WeekRow } from "~/domain/events/report";

export const SERIES = ["registrations", "attended", "noShow"] as const;
type Series = (typeof SERIES)[number];

/** Colours with at least 3:1 contrast to the white page and to one another's neighbours. */
export const SERIES_COLOURS: Record<Series, string> = {
  registrations: "#1f5fa8",
  attended: "#1e7b34",
  noShow: "#b3261e",
};

const WIDTH = 720;
const HEIGHT = 300;
const MARGIN = { top: 16, right: 16, bottom: 40, left: 44 };

function Chart({ rows, weekLabel }: { rows: WeekRow[]; weekLabel: (week: string) => string }) {
  const innerWidth = WIDTH - MARGIN.left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const highest = Math.max(1, ...rows.flatMap((row) => SERIES.map((key) => row[key])));
  const x0Scale = scaleBand<string>({
    domain: rows.map((row) => row.week),
    range: [0, innerWidth],
    padding: 0.2,
  });
  const x1Scale = scaleBand<Series>({
    domain: [...SERIES],
    range: [0, x0Scale.bandwidth()],
    padding: 0.1,
  });
  const yScale = scaleLinear<number>({ domain: [0, highest], range: [innerHeight, 0], nice: true });
  const color = scaleOrdinal<Series, string>({
    domain: [...SERIES],
    range: SERIES.map((key) => SERIES_COLOURS[key]),
  });
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width="100%"
      // the table after the chart says the same in words: screen readers read that instead
      aria-hidden="true"
      focusable="false"
    >
      <Group top={MARGIN.top} left={MARGIN.left}>
        <BarGroup
          data={rows}
          keys={[...SERIES]}
          height={innerHeight}
          x0={(row) => row.week}
          x0Scale={x0Scale}
          x1Scale={x1Scale}
          yScale={yScale}
          color={color}
        />
        <AxisLeft scale={yScale} numTicks={Math.min(5, highest)} tickFormat={(v) => String(v)} />
        <AxisBottom
          top={innerHeight}
          scale={x0Scale}
          tickFormat={(week) => weekLabel(week)}
          numTicks={rows.length}
        />
      </Group>
    </svg>
  );
}

/** The chart as SVG markup, ready to be placed in the page. */
export function registrationsChartSvg(rows: WeekRow[], weekLabel: (week: string) => string) {
  return renderToStaticMarkup(<Chart rows={rows} weekLabel={weekLabel} />);
}
