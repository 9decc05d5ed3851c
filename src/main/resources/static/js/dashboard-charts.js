// Charts of the command center (dashboard and wall): every element with data-chart gets an ECharts chart of its
// data-labels and data-values (comma-separated); data-theme="wall" draws for the dark wall screen. No inline script:
// the pages only carry data attributes.
(function () {
  var FOUR_COLORS = ['#d7191c', '#f29cb4', '#2e9e4f', '#222222', '#b0b0b0'];
  var STAR = '#c8102e';
  function list(el, name) {
    var v = el.getAttribute(name);
    return v ? v.split(',') : [];
  }
  function option(type, labels, values, wall) {
    var text = wall ? '#fff' : '#333';
    var size = wall ? Math.max(14, Math.round(window.innerWidth / 80)) : 12;
    var axis = { axisLabel: type === 'line' ? { color: text, fontSize: size }
        : { color: text, fontSize: size, interval: 0 }, axisLine: { lineStyle: { color: wall ? '#ffd98a' : '#999' } } };
    var base = {
      grid: { left: wall ? 60 : 40, right: 16, top: 24, bottom: wall ? 40 : 28 },
      tooltip: { trigger: type === 'funnel' || type === 'colors' ? 'item' : 'axis' },
      textStyle: { fontSize: size }
    };
    var label = { show: true, position: 'top', color: text, fontSize: size };
    if (type === 'line') {
      base.xAxis = Object.assign({ type: 'category', data: labels }, axis);
      base.yAxis = Object.assign({ type: 'value', min: 0, max: 100, splitLine: { lineStyle: { color: wall ? 'rgba(255,255,255,.15)' : '#eee' } } }, axis);
      base.series = [{ type: 'line', data: values, smooth: true, symbolSize: wall ? 12 : 6, label: label,
        lineStyle: { width: wall ? 5 : 3, color: wall ? '#ffe27a' : STAR }, itemStyle: { color: wall ? '#ffe27a' : STAR },
        areaStyle: { opacity: 0.15 } }];
    } else if (type === 'colors') {
      if (values.every(function (v) { return v === 0; })) {
        // an empty month: a grey ring that says so, not five equal slices
        base.title = { text: '本月暂无记录', left: 'center', top: 'middle', textStyle: { color: wall ? '#ffd98a' : '#999', fontSize: size } };
        base.series = [{ type: 'pie', radius: ['35%', '65%'], silent: true, label: { show: false },
          data: [{ value: 1, itemStyle: { color: wall ? 'rgba(255,255,255,.15)' : '#eee' } }] }];
        return base;
      }
      base.legend = { bottom: 0, textStyle: { color: text, fontSize: size } };
      base.series = [{ type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'],
        // counts inside the ring: the legend names the colors, and nothing spills over it in a narrow card
        label: { position: 'inside', color: '#fff', fontSize: size, fontWeight: 'bold', formatter: '{c}' },
        // colors without a cell stay in the legend but get no label (no crowded "0" labels)
        data: labels.map(function (l, i) {
          return { name: l, value: values[i], itemStyle: { color: FOUR_COLORS[i] },
            label: { show: values[i] > 0 }, labelLine: { show: values[i] > 0 } };
        }) }];
    } else if (type === 'funnel') {
      base.series = [{ type: 'funnel', left: '10%', width: '80%', top: 16, bottom: 8, minSize: '20%', sort: 'none',
        label: { show: true, position: 'inside', color: '#fff', fontSize: size, formatter: '{b} {c}' },
        data: labels.map(function (l, i) { return { name: l, value: values[i] }; }),
        color: ['#f4a3a6', '#e0606a', '#c8161d', '#8e0d12'] }];
    } else {
      base.xAxis = Object.assign({ type: 'category', data: labels }, axis);
      base.yAxis = Object.assign({ type: 'value', minInterval: 1, splitLine: { lineStyle: { color: wall ? 'rgba(255,255,255,.15)' : '#eee' } } }, axis);
      base.series = [{ type: 'bar', data: values, barMaxWidth: wall ? 60 : 36, label: label,
        itemStyle: { color: function (p) {
          if (type === 'stars') {
            return p.dataIndex >= 2 ? (wall ? '#ffe27a' : STAR) : '#9aa0a6';
          }
          return wall ? '#ffe27a' : STAR;
        } } }];
    }
    return base;
  }
  var charts = [];
  Array.prototype.forEach.call(document.querySelectorAll('[data-chart]'), function (el) {
    var labels = list(el, 'data-labels');
    var values = list(el, 'data-values').map(Number);
    if (typeof echarts === 'undefined') {
      el.textContent = labels.map(function (l, i) { return l + ' ' + values[i]; }).join('  ');
      return;
    }
    var chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption(option(el.getAttribute('data-chart'), labels, values, el.getAttribute('data-theme') === 'wall'));
    charts.push(chart);
  });
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
