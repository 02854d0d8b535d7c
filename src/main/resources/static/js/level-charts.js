// The level pages' charts (Chart.js, loaded only on those pages). Each chart's figures and labels
// come from its canvas's data-chart attribute, written by the server: no inline script (the content
// security policy forbids it), no request of its own, nothing kept in browser storage. The page's
// tables hold the same figures for those who do not read the chart.
(function () {
  "use strict";

  // Okabe-Ito colours, told apart by most people with colour-blindness; lines also differ in dash and point.
  var DOMAIN_COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00"];
  var DASHES = [[], [6, 3], [2, 3], [10, 3, 2, 3], [14, 4]];
  var POINTS = ["circle", "rect", "triangle", "rectRot", "crossRot"];
  // The palette comes from the stylesheet's custom properties, so charts and pages share one set of colours.
  var STYLE = window.getComputedStyle(document.documentElement);
  function colour(name, fallback) {
    var value = STYLE.getPropertyValue(name).trim();
    return value || fallback;
  }
  var LEVEL_COLOURS = [colour("--chart-level-1", "#D55E00"), colour("--chart-level-2", "#E69F00"),
    colour("--chart-level-3", "#56B4E9"), colour("--chart-level-4", "#0072B2"), colour("--chart-none", "#7a8699")];
  var INK = colour("--ink", "#1b2430");
  var DESTRUCTIVE = colour("--error", "#a4161a");

  function timeline(canvas, data) {
    var datasets = data.domains.map(function (domain, i) {
      return {
        type: "line", label: domain.label, data: domain.values, yAxisID: "rating",
        borderColor: DOMAIN_COLOURS[i], backgroundColor: DOMAIN_COLOURS[i], borderDash: DASHES[i],
        pointStyle: POINTS[i], pointRadius: 3, borderWidth: 2, spanGaps: false
      };
    });
    datasets.push({
      type: "line", label: data.level.label, data: data.level.values, yAxisID: "level", stepped: true,
      borderColor: INK, backgroundColor: INK, borderWidth: 3, pointRadius: 0, pointStyle: "line"
    });
    datasets.push({
      type: "bar", label: data.destructive.label, data: data.destructive.values, yAxisID: "destructive",
      backgroundColor: "rgba(164, 22, 26, 0.55)", borderColor: DESTRUCTIVE, borderWidth: 1, pointStyle: "rect"
    });
    return new Chart(canvas, {
      data: { labels: data.labels, datasets: datasets },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        interaction: { mode: "index", intersect: false },
        plugins: { legend: { position: "bottom", labels: { usePointStyle: true, color: INK } } },
        scales: {
          x: { ticks: { autoSkip: true, maxRotation: 0, color: INK } },
          rating: {
            type: "linear", position: "left", min: 1, max: 4, ticks: { stepSize: 1, color: INK },
            title: { display: true, text: data.axes.rating, color: INK }
          },
          level: {
            type: "linear", position: "right", min: 0, max: 4, ticks: { stepSize: 1, color: INK },
            grid: { drawOnChartArea: false }, title: { display: true, text: data.axes.level, color: INK }
          },
          destructive: { type: "linear", display: false, min: 0, suggestedMax: 3 }
        }
      }
    });
  }

  function distribution(canvas, data) {
    return new Chart(canvas, {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: data.series.map(function (series, i) {
          return {
            label: series.label, data: series.values, backgroundColor: LEVEL_COLOURS[i], borderColor: "#ffffff",
            borderWidth: 1, maxBarThickness: 96
          };
        })
      },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        plugins: { legend: { position: "bottom", labels: { color: INK } } },
        scales: {
          x: { stacked: true, ticks: { color: INK } },
          y: {
            stacked: true, beginAtZero: true, ticks: { precision: 0, color: INK },
            title: { display: true, text: data.axes.count, color: INK }
          }
        }
      }
    });
  }

  var KINDS = { timeline: timeline, distribution: distribution };

  function draw() {
    if (typeof Chart === "undefined") {
      return;
    }
    document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      var kind = KINDS[canvas.getAttribute("data-chart-kind")];
      if (kind && !Chart.getChart(canvas)) {
        kind(canvas, JSON.parse(canvas.getAttribute("data-chart")));
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
