// htmx requests carry the CSRF token that Spring Security expects on every non-GET request.
document.addEventListener('htmx:configRequest', function (evt) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    evt.detail.headers[header.content] = token.content;
  }
});

// Organization tree: a node's children are fetched once with htmx, afterwards the toggle only shows or hides them.
document.addEventListener('click', function (evt) {
  var button = evt.target.closest('.org-tree button.toggle');
  if (!button) {
    return;
  }
  var list = document.getElementById(button.getAttribute('aria-controls'));
  if (!list) {
    return;
  }
  var open = button.getAttribute('aria-expanded') === 'true';
  if (!open && !list.dataset.loaded) {
    list.dataset.loaded = '1';
    list.innerHTML = '<li class="text-muted small">加载中…</li>';
    htmx.ajax('GET', button.dataset.src, { target: list, swap: 'innerHTML' }).catch(function () {
      delete list.dataset.loaded;
      list.innerHTML = '<li class="text-danger small">加载失败，请重试</li>';
    });
  }
  list.hidden = open;
  button.setAttribute('aria-expanded', String(!open));
  button.textContent = open ? '▸' : '▾';
});

// Table rows with data-href open their record when clicked anywhere outside a link or button.
document.addEventListener('click', function (evt) {
  var row = evt.target.closest('tr[data-href]');
  if (!row || evt.target.closest('a, button, input, select, label, form')) {
    return;
  }
  window.location.href = row.dataset.href;
});

// Inline handlers are not allowed by the Content-Security-Policy (script-src 'self'); these attributes replace them.
// data-autosubmit: a filter that submits its form when changed.
document.addEventListener('change', function (evt) {
  if (evt.target.matches('[data-autosubmit]') && evt.target.form) {
    evt.target.form.submit();
  }
});

// data-check-all="selector": a button that ticks every matching input.
// data-toggle-all="selector": a checkbox whose state every matching checkbox follows.
document.addEventListener('click', function (evt) {
  var button = evt.target.closest('[data-check-all]');
  if (button) {
    document.querySelectorAll(button.dataset.checkAll).forEach(function (i) { i.checked = true; });
  }
  var box = evt.target.closest('[data-toggle-all]');
  if (box) {
    document.querySelectorAll(box.dataset.toggleAll).forEach(function (b) { b.checked = box.checked; });
  }
});

// Member import page: the template's branch list and the export follow the organization chosen above.
document.addEventListener('change', function (evt) {
  if (evt.target.id !== 'organizationId' || !document.getElementById('template-link')) {
    return;
  }
  ['template-link', 'export-link'].forEach(function (id) {
    var a = document.getElementById(id);
    if (!a) { return; }
    var url = new URL(a.href, window.location.href);
    url.searchParams.set('organizationId', evt.target.value);
    a.href = url.toString();
  });
});
