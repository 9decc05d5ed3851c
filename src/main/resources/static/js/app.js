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
