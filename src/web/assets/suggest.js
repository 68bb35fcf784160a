// Progressive enhancement: type-ahead suggestions for search boxes marked data-suggest.
// The form works without this script; it only fills the input's <datalist>.
(function () {
  'use strict';
  var inputs = document.querySelectorAll('input[data-suggest]');
  Array.prototype.forEach.call(inputs, function (input) {
    var list = document.getElementById(input.getAttribute('list'));
    if (!list || !window.fetch) return;
    var timer = null;
    var last = '';
    input.addEventListener('input', function () {
      var q = input.value.trim();
      if (timer) clearTimeout(timer);
      if (!q || q === last || q.length > 100) return;
      timer = setTimeout(function () {
        last = q;
        fetch('/api/v1/search/suggest?q=' + encodeURIComponent(q), { headers: { accept: 'application/json' } })
          .then(function (res) { return res.ok ? res.json() : null; })
          .then(function (body) {
            if (!body) return;
            var names = Array.isArray(body) ? body : body.suggestions || [];
            list.textContent = '';
            names.slice(0, 10).forEach(function (entry) {
              var option = document.createElement('option');
              option.value = typeof entry === 'string' ? entry : entry.name || entry.text || '';
              list.appendChild(option);
            });
          })
          .catch(function () {});
      }, 150);
    });
  });
})();
