// Keeps the dashboard's platforms part live. monitor-service's changes arrive as they happen (Server-Sent Events
// through /dashboard/events) and each one fetches the part again. The page polls only while it has no stream, or
// while monitoring is still being set up for a new business (that produces no change event).
(function () {
  var part = document.getElementById('platforms');
  var streaming = false;

  function refresh() {
    fetch('/dashboard/platforms', {credentials: 'same-origin'}).then(function (r) {
      if (r.status === 401) { location.href = '/signin'; return null; }
      return r.ok ? r.text() : null;
    }).then(function (html) {
      if (html !== null) { part.innerHTML = html; }
    }).catch(function () { /* offline for a moment: the next change or round tries again */ });
  }

  if (window.EventSource) {
    var events = new EventSource('/dashboard/events');
    events.onopen = function () { streaming = true; part.setAttribute('data-live', 'stream'); refresh(); };
    events.onmessage = function (e) { if (e.data !== 'heartbeat') { refresh(); } };
    events.onerror = function () { streaming = false; part.removeAttribute('data-live'); };
  }

  setInterval(function () {
    if (!streaming || part.querySelector('[data-waiting]') !== null) { refresh(); }
  }, 5000);
})();
