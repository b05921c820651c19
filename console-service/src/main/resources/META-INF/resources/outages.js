// Keeps the timeline live: fetched again every second while a run sends or an outage is open, else every 5 s
// (an outage's first run may send a small audience within seconds of the outage).
(function () {
  var box = document.getElementById('timeline');
  function live() {
    var part = box.querySelector('[data-live]');
    return part && part.dataset.live === 'true';
  }
  function refresh() {
    fetch('/outages/timeline', {credentials: 'same-origin'}).then(function (r) {
      if (r.status === 401) { location.href = '/signin'; return null; }
      return r.ok ? r.text() : null;
    }).then(function (html) {
      if (html !== null) { box.innerHTML = html; }
    }).catch(function () { /* offline for a moment: the next round tries again */ })
      .then(function () { setTimeout(refresh, live() ? 1000 : 5000); });
  }
  setTimeout(refresh, live() ? 1000 : 5000);
})();
