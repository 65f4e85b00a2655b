// Charts page: ECharts options built from the page's JSON data block (the same rows as the tables).
(function () {
  "use strict";
  var source = document.getElementById("chart-data");
  if (!source || !window.echarts) { return; }
  var data = JSON.parse(source.textContent);
  var unit = data.unit || "";
  var palette = ["#2c5282", "#c05621", "#2f855a", "#6b46c1", "#b7791f", "#2b6cb0", "#9b2c2c", "#319795", "#718096", "#d53f8c"];
  var charts = [];
  function money(v) { return v === null || v === undefined ? "—" : Number(v).toLocaleString("zh-CN", { maximumFractionDigits: 4 }) + " " + unit; }
  function mount(id, option) {
    var el = document.getElementById(id);
    if (!el) { return; }
    var chart = echarts.init(el, null, { renderer: "svg" });
    option.color = palette; option.animation = false;
    option.textStyle = { fontFamily: "PingFang SC, Microsoft YaHei, Noto Sans CJK SC, sans-serif" };
    chart.setOption(option);
    el.dataset.rendered = "1";
    charts.push(chart);
  }
  function empty(id, text) { var el = document.getElementById(id); if (el) { el.innerHTML = '<p class="empty">' + text + "</p>"; el.dataset.rendered = "1"; } }
  function pie(id, rows) {
    if (!rows.length) { empty(id, "未读出这两项"); return; }
    mount(id, { tooltip: { trigger: "item", formatter: function (p) { return p.name + "<br>" + money(p.value) + "（" + p.percent + "%）"; } },
      legend: { bottom: 0 },
      series: [{ type: "pie", radius: ["38%", "68%"], center: ["50%", "46%"], label: { formatter: "{b}\n{d}%" }, data: rows }] });
  }
  if (data.functions.length) {
    mount("chart-functions", { tooltip: { formatter: function (p) { return p.name + "<br>" + money(p.value); } },
      series: [{ type: "sunburst", data: data.functions, radius: ["10%", "94%"], sort: null,
        emphasis: { focus: "ancestor" }, itemStyle: { borderColor: "#fff", borderWidth: 1 },
        label: { fontSize: 11, minAngle: 14, formatter: function (p) { return (p.name.split(" ")[1] || p.name).slice(0, 8); } },
        levels: [{}, { r0: "10%", r: "48%", label: { rotate: "tangential", fontSize: 12, minAngle: 24 } },
                 { r0: "48%", r: "76%", label: { rotate: "radial", fontSize: 10, minAngle: 10 } },
                 { r0: "76%", r: "94%", label: { show: false } }] }] });
  } else { empty("chart-functions", "支出总表未列功能分类"); }
  pie("chart-basic-project", data.basic_project);
  pie("chart-personnel-public", data.personnel_public);
  if (data.economic.length) {
    var eco = data.economic.slice(0, 15).reverse();
    mount("chart-economic", { tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: money },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: "value" }, yAxis: { type: "category", data: eco.map(function (r) { return r.name; }), axisLabel: { fontSize: 11 } },
      series: [{ type: "bar", data: eco.map(function (r) { return r.value; }), itemStyle: { color: "#2c5282" } }] });
  } else { empty("chart-economic", "未读出基本支出经济分类"); }
  function years(id, series, stack) {
    if (!data.years.columns.length || !series.length) { empty(id, "库中没有该部门其他年度的文件"); return; }
    mount(id, { tooltip: { trigger: "axis", valueFormatter: money }, legend: { bottom: 0 },
      grid: { left: 8, right: 16, top: 16, bottom: 36, containLabel: true },
      xAxis: { type: "category", data: data.years.columns }, yAxis: { type: "value" },
      series: series.map(function (s) { return { name: s.name, type: "bar", stack: stack ? "x" : undefined, data: s.values, barMaxWidth: 48 }; }) });
  }
  years("chart-spending", data.years.spending, false);
  years("chart-three_public", data.years.three_public, true);
  window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
})();
