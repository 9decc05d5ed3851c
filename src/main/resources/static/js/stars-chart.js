// The star distribution bar chart of the stars page: counts of one to five stars from data-counts.
(function () {
  var el = document.getElementById('star-chart');
  if (!el) {
    return;
  }
  var counts = (el.getAttribute('data-counts') || '0,0,0,0,0').split(',').map(Number);
  if (typeof echarts === 'undefined') {
    el.textContent = counts.map(function (c, i) { return (i + 1) + '星 ' + c; }).join('  ');
    return;
  }
  var chart = echarts.init(el, null, { renderer: 'svg' });
  chart.setOption({
    grid: { left: 36, right: 12, top: 12, bottom: 24 },
    xAxis: { type: 'category', data: ['一星', '二星', '三星', '四星', '五星'] },
    yAxis: { type: 'value', minInterval: 1 },
    tooltip: { trigger: 'axis' },
    series: [{ type: 'bar', data: counts, barMaxWidth: 36, label: { show: true, position: 'top' },
      itemStyle: { color: function (p) { return p.dataIndex >= 2 ? '#c8102e' : '#9aa0a6'; } } }]
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
