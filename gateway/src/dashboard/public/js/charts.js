// Trend charts with Chart.js (browser global `Chart`). Every chart has a table with the same figures beside it.
const charts = new WeakMap();

export const SERIES_COLOURS = ['#00568b', '#0b0c0c', '#157b31', '#ac501b', '#743fff', '#a01d23', '#7d6918', '#586c88', '#006fb3', '#622c10'];

Chart.defaults.font.family = getComputedStyle(document.documentElement).getPropertyValue('--basis-text-font-family-default') || 'sans-serif';
Chart.defaults.font.size = 14;
Chart.defaults.color = '#0b0c0c';

function draw(canvas, config) {
  charts.get(canvas)?.destroy();
  const chart = new Chart(canvas, config);
  charts.set(canvas, chart);
  return chart;
}

const axisTicks = (format) => ({ callback: (value) => format(value) });

/** Lines over years; `null` values leave a gap (a withheld or missing figure is never drawn as 0). */
export function lineChart(canvas, { years, series, format, yTitle }) {
  return draw(canvas, {
    type: 'line',
    data: {
      labels: years,
      datasets: series.map((s, index) => ({
        label: s.label,
        data: s.values,
        borderColor: s.colour ?? SERIES_COLOURS[index],
        backgroundColor: s.colour ?? SERIES_COLOURS[index],
        borderWidth: s.emphasis ? 4 : 2,
        borderDash: s.dashed ? [6, 4] : [],
        pointRadius: 3,
        spanGaps: false,
      })),
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: { y: { beginAtZero: false, ticks: axisTicks(format), title: { display: Boolean(yTitle), text: yTitle } } },
      plugins: { tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${item.raw === null ? '–' : format(item.raw)}` } } },
    },
  });
}

/** Stacked bars per year, one stack part per series (funders). */
export function stackedBarChart(canvas, { years, series, format }) {
  return draw(canvas, {
    type: 'bar',
    data: { labels: years, datasets: series.map((s, index) => ({ label: s.label, data: s.values, backgroundColor: SERIES_COLOURS[index % SERIES_COLOURS.length] })) },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: { x: { stacked: true }, y: { stacked: true, ticks: axisTicks(format) } },
      plugins: { tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${format(item.raw)}` } } },
    },
  });
}
