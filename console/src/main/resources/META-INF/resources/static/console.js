// The console's only script: draws the charts whose data the page carries (Apache ECharts), fills the sign-in
// form's time zone, and submits the language choice. Pages work without it, charts aside.
(function () {
  'use strict';

  function draw(el) {
    var spec = JSON.parse(el.getAttribute('data-chart'));
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    var option;
    if (spec.kind === 'pie') {
      option = {
        tooltip: { trigger: 'item', valueFormatter: function (v) { return v + ' ' + spec.currency; } },
        legend: { type: 'scroll', bottom: 0 },
        series: [{ type: 'pie', radius: ['35%', '65%'], data: spec.slices.map(function (s) {
          return { name: s.name, value: Number(s.value) };
        }) }]
      };
    } else {
      option = {
        tooltip: { trigger: 'axis', valueFormatter: function (v) { return v + ' ' + spec.currency; } },
        grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
        xAxis: { type: 'category', data: spec.labels },
        yAxis: { type: 'value', name: spec.currency },
        series: (spec.series || [{ name: '', values: spec.values }]).map(function (s) {
          return { name: s.name, type: spec.kind === 'line' ? 'line' : 'bar', stack: spec.stack ? 'total' : undefined,
            data: s.values.map(Number) };
        })
      };
      if (spec.series) { option.legend = { type: 'scroll', top: 0 }; option.grid.top = 40; }
    }
    // When the chart is drawn, and how long after the navigation started (the browser tests read it).
    chart.on('finished', function () {
      if (!el.hasAttribute('data-drawn')) {
        el.setAttribute('data-drawn-ms', String(Math.round(performance.now())));
        el.setAttribute('data-drawn', 'true');
      }
    });
    // Drawn at once: the first paint is the figure, not an animation toward it.
    option.animation = false;
    chart.setOption(option);
    window.addEventListener('resize', function () { chart.resize(); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (window.echarts) {
      document.querySelectorAll('[data-chart]').forEach(draw);
    }
    var zone = document.getElementById('zone');
    if (zone && window.Intl) {
      zone.value = Intl.DateTimeFormat().resolvedOptions().timeZone || '';
    }
    document.querySelectorAll('[data-autosubmit]').forEach(function (el) {
      el.addEventListener('change', function () { el.form.submit(); });
    });
    document.querySelectorAll('[data-confirm]').forEach(function (form) {
      form.addEventListener('submit', function (event) {
        if (!window.confirm(form.getAttribute('data-confirm'))) { event.preventDefault(); }
      });
    });
  });
})();
