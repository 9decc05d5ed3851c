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

// Date and month fields show a Chinese calendar whatever the browser's language (native pickers follow the browser
// locale): the field becomes a plain text box in the same YYYY-MM-DD / YYYY-MM format, so typing still works and the
// server sees the same value; the calendar opens from the button beside it.
function chinesePickers(root) {
  if (typeof flatpickr === 'undefined') {
    return;
  }
  root.querySelectorAll('input[type="date"], input[type="month"]').forEach(function (input) {
    var month = input.type === 'month';
    var options = {
      locale: flatpickr.l10ns.zh,
      allowInput: true,
      clickOpens: false,
      disableMobile: true,
      dateFormat: month ? 'Y-m' : 'Y-m-d'
    };
    if (input.min) { options.minDate = input.min; }
    if (input.max) { options.maxDate = input.max; }
    if (month && typeof monthSelectPlugin !== 'undefined') {
      options.plugins = [new monthSelectPlugin({ shorthand: false, dateFormat: 'Y-m', altFormat: 'Y年n月' })];
    }
    input.type = 'text';
    input.inputMode = 'numeric';
    if (!input.placeholder) {
      input.placeholder = month ? '年-月，如 2025-03' : '年-月-日，如 2025-03-10';
    }
    var picker = flatpickr(input, options);
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'btn btn-outline-secondary picker-button';
    button.setAttribute('aria-label', month ? '选择月份' : '选择日期');
    button.textContent = '日历';
    button.addEventListener('click', function () { picker.open(); });
    var group = input.closest('.input-group');
    if (group) {
      input.insertAdjacentElement('afterend', button);
    } else {
      var wrap = document.createElement('div');
      wrap.className = 'input-group flex-nowrap picker-group' + (input.classList.contains('form-control-sm') ? ' input-group-sm' : '');
      if (input.style.maxWidth) {
        // the field's width limit now belongs to the field with its button
        wrap.style.maxWidth = input.style.maxWidth;
        input.style.maxWidth = '';
      }
      // the field's messages move along, so Bootstrap's `.is-invalid ~ .invalid-feedback` still shows them
      var feedback = [];
      for (var next = input.nextElementSibling; next; next = next.nextElementSibling) {
        if (next.classList.contains('invalid-feedback') || next.classList.contains('valid-feedback')) {
          feedback.push(next);
        }
      }
      if (feedback.length) {
        wrap.classList.add('has-validation');
      }
      input.parentNode.insertBefore(wrap, input);
      wrap.appendChild(input);
      wrap.appendChild(button);
      feedback.forEach(function (f) { wrap.appendChild(f); });
    }
  });
}
document.addEventListener('DOMContentLoaded', function () { chinesePickers(document); });
document.addEventListener('htmx:afterSwap', function (evt) { chinesePickers(evt.detail.target); });

// select[data-searchable="placeholder"]: a filter box above a long select (organizations in tree order); typing keeps
// the options whose name contains the text (the chosen one and a blank "please choose" always stay).
function searchableSelects(root) {
  root.querySelectorAll('select[data-searchable]').forEach(function (select) {
    if (select.dataset.searchableReady) {
      return;
    }
    select.dataset.searchableReady = '1';
    var all = Array.prototype.slice.call(select.options);
    var box = document.createElement('input');
    box.type = 'search';
    box.className = 'form-control form-control-sm select-filter';
    box.placeholder = select.dataset.searchable || '输入名称筛选';
    box.setAttribute('aria-label', box.placeholder);
    box.autocomplete = 'off';
    if (select.id) {
      box.id = select.id + '-filter';
    }
    select.parentNode.insertBefore(box, select);
    box.addEventListener('input', function () {
      var text = box.value.trim();
      var chosen = select.value;
      var chosenOption = all.filter(function (o) { return o.value === chosen; })[0];
      while (select.options.length) {
        select.remove(0);
      }
      var matches = all.filter(function (o) {
        return o.value === '' || o.value === chosen || text === '' || o.text.indexOf(text) >= 0;
      });
      matches.forEach(function (o) { select.add(o); });
      // removing and adding options lets the browser pick another one: the choice is ours to make
      select.value = chosen;
      var first = matches.filter(function (o) { return o.value !== '' && o.text.indexOf(text) >= 0; })[0];
      if (text !== '' && first && (!chosenOption || chosen === '' || chosenOption.text.indexOf(text) < 0)) {
        select.value = first.value;
      }
      if (select.value !== chosen) {
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }
    });
  });
}
document.addEventListener('DOMContentLoaded', function () { searchableSelects(document); });
document.addEventListener('htmx:afterSwap', function (evt) { searchableSelects(evt.detail.target); });
// A picker's select filled by a search (select[data-picked]) has chosen its first match: tell the page.
document.addEventListener('htmx:afterSettle', function (evt) {
  document.querySelectorAll('select[data-picked]').forEach(function (s) {
    if (s.dataset.pickAnnounced) { return; }
    s.dataset.pickAnnounced = '1';
    s.dispatchEvent(new Event('change', { bubbles: true }));
  });
});
